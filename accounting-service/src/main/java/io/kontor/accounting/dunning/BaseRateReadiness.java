package io.kontor.accounting.dunning;

import io.kontor.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * The base rate of §247 BGB changes on 1 January and 1 July; a table without the entry for the current half-year
 * reckons default interest with a rate that may be wrong. That is a warning in readiness, not DOWN (taking accounting
 * out of rotation would not publish the rate), and a log line once per day, so that somebody appends the new value.
 */
@Readiness
@ApplicationScoped
public class BaseRateReadiness implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(BaseRateReadiness.class);

    @Inject
    DunningConfig config;

    @Inject
    BusinessCalendar calendar;

    private final AtomicReference<LocalDate> warnedOn = new AtomicReference<>();

    @Override
    public HealthCheckResponse call() {
        LocalDate today = calendar.today();
        Optional<LocalDate> missing = BaseRateTable.parse(config.baseRates()).missingEntryFor(today);
        HealthCheckResponseBuilder response =
                HealthCheckResponse.named("base-rates").up();
        missing.ifPresent(halfYear -> {
            String warning = "no base rate (§247 BGB) configured from " + halfYear
                    + "; default interest uses the last rate: append the Bundesbank's value to"
                    + " kontor.accounting.dunning.base-rates";
            response.withData("warning", warning);
            warnOncePerDay(today, warning);
        });
        return response.build();
    }

    /** Called by readiness probes and by the dunning run; logs at most once per day. */
    void warnOncePerDay(LocalDate today, String warning) {
        LocalDate last = warnedOn.get();
        if (!today.equals(last) && warnedOn.compareAndSet(last, today)) {
            LOG.warn(warning);
        }
    }

    /** Checks the table as of {@code today}, logging once per day if it is stale. */
    void check(LocalDate today) {
        BaseRateTable.parse(config.baseRates())
                .missingEntryFor(today)
                .ifPresent(halfYear -> warnOncePerDay(
                        today,
                        "no base rate (§247 BGB) configured from " + halfYear
                                + "; default interest uses the last rate: append the Bundesbank's value to"
                                + " kontor.accounting.dunning.base-rates"));
    }
}
