package io.kontor.testing;

import io.quarkus.arc.Unremovable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The clock of every Quarkus test that has test-support on its class path: the platform produces the system clock as a
 * {@code @DefaultBean}, and this bean replaces it.
 *
 * <p>It follows the system time (UTC) until a test {@link #set(Instant) sets} it, which stops it;
 * {@link #advance(Duration)} moves it forward, stopped or not. The bean is a singleton shared by all tests of an
 * application, so a test that moves the clock calls {@link #reset()} afterwards.
 */
@Singleton
@Unremovable
public class MutableClock extends Clock {

    /** Either stopped at {@code fixed}, or the system time shifted by {@code offset}. */
    private record State(Instant fixed, Duration offset) {
        static final State SYSTEM = new State(null, Duration.ZERO);

        Instant now() {
            return fixed != null ? fixed : Instant.now().plus(offset);
        }
    }

    private final AtomicReference<State> state = new AtomicReference<>(State.SYSTEM);

    @Override
    public Instant instant() {
        return state.get().now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** A view in another zone that keeps following this clock. */
    @Override
    public Clock withZone(ZoneId zone) {
        if (zone.equals(getZone())) {
            return this;
        }
        MutableClock source = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return source.withZone(other);
            }

            @Override
            public Instant instant() {
                return source.instant();
            }
        };
    }

    /** Stops the clock at {@code instant}. */
    public void set(Instant instant) {
        state.set(new State(instant, Duration.ZERO));
    }

    public void advance(Duration duration) {
        state.updateAndGet(current -> current.fixed() != null
                ? new State(current.fixed().plus(duration), Duration.ZERO)
                : new State(null, current.offset().plus(duration)));
    }

    /** Follows the system time again. */
    public void reset() {
        state.set(State.SYSTEM);
    }
}
