package io.kontor.platform.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every "now" in Kontor comes from this Clock, so that schedules (dunning, expiry, retention) can be tested on a fixed
 * calendar: a test replaces it by declaring another Clock bean (test-support's MutableClock).
 *
 * <p>{@code kontor.clock.shift-file} names a file with a shift of the calendar ({@link ShiftedClock}); only the local
 * platform sets it, so that system tests can let weeks pass for every service at once. Nothing else does.
 */
@Dependent
public class ClockProducer {

    @Produces
    @Singleton
    @DefaultBean
    Clock systemClock(@ConfigProperty(name = "kontor.clock.shift-file") Optional<String> shiftFile) {
        return shiftFile
                .filter(file -> !file.isBlank())
                .<Clock>map(file -> new ShiftedClock(Clock.systemUTC(), Path.of(file)))
                .orElseGet(Clock::systemUTC);
    }
}
