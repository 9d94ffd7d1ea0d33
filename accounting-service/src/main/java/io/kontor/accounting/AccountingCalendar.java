package io.kontor.accounting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * "Today" in the seller's calendar: an invoice issued at 23:30 UTC on 31 December in Berlin belongs to the new year.
 */
@ApplicationScoped
public class AccountingCalendar {

    @Inject
    Clock clock;

    @Inject
    AccountingConfig config;

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), config.timeZone());
    }

    public Instant now() {
        return clock.instant();
    }
}
