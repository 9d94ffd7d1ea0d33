package io.kontor.platform.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Every "now" in Kontor comes from this Clock, so that schedules (dunning, expiry, retention) can be tested on a
 * fixed calendar: a test replaces it by declaring another Clock bean (test-support's MutableClock).
 */
@Dependent
public class ClockProducer {

    @Produces
    @Singleton
    @DefaultBean
    Clock systemClock() {
        return Clock.systemUTC();
    }
}
