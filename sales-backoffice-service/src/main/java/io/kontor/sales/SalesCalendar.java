package io.kontor.sales;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/** Now and today for sales: today is a day of the seller's calendar ({@link SalesConfig#timeZone()}), not of UTC. */
@ApplicationScoped
public class SalesCalendar {

    @Inject
    Clock clock;

    @Inject
    SalesConfig config;

    public Instant now() {
        return Instant.now(clock);
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), config.timeZone());
    }
}
