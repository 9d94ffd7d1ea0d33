package io.kontor.platform.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * "Now" and "today" for every service. Today is a day of the company's calendar ({@code kontor.time-zone}, default
 * Europe/Berlin), not of UTC: an invoice issued at 23:30 UTC on 31 December in Berlin belongs to the new year (§14 (4)
 * Nr. 3 UStG: the issue date), a deadline falls on the local day. Both come from the injectable {@link Clock}, so tests
 * move the calendar with test-support's MutableClock.
 */
@ApplicationScoped
public class BusinessCalendar {

    @Inject
    Clock clock;

    @ConfigProperty(name = "kontor.time-zone")
    ZoneId zone;

    public Instant now() {
        return clock.instant();
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /** The company's time zone, for turning a local day or time into an instant and back. */
    public ZoneId zone() {
        return zone;
    }
}
