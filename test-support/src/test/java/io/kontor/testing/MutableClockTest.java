package io.kontor.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class MutableClockTest {

    private static final Instant NEW_YEAR = Instant.parse("2030-01-01T00:00:00Z");

    private final MutableClock clock = new MutableClock();

    @Test
    void it_follows_the_system_time_in_utc() {
        assertThat(clock.instant()).isCloseTo(Instant.now(), within(Duration.ofSeconds(1)));
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void a_set_clock_stands_still_and_advances_on_request() throws Exception {
        clock.set(NEW_YEAR);
        Thread.sleep(20);
        assertThat(clock.instant()).isEqualTo(NEW_YEAR);

        clock.advance(Duration.ofDays(14));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2030-01-15T00:00:00Z"));
    }

    @Test
    void advancing_a_running_clock_keeps_it_running_ahead() throws Exception {
        clock.advance(Duration.ofDays(30));
        Instant first = clock.instant();
        Thread.sleep(20);

        assertThat(first).isCloseTo(Instant.now().plus(Duration.ofDays(30)), within(Duration.ofSeconds(1)));
        assertThat(clock.instant()).isAfter(first);
    }

    @Test
    void reset_returns_to_the_system_time() {
        clock.set(NEW_YEAR);
        clock.reset();

        assertThat(clock.instant()).isCloseTo(Instant.now(), within(Duration.ofSeconds(1)));
    }

    @Test
    void a_view_in_another_zone_follows_the_clock() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        var view = clock.withZone(berlin);
        clock.set(NEW_YEAR);

        assertThat(ZonedDateTime.now(view)).isEqualTo(ZonedDateTime.ofInstant(NEW_YEAR, berlin));
    }
}
