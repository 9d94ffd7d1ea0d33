package io.kontor.accounting.dunning;

import io.kontor.platform.time.BusinessCalendar;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Runs dunning by itself once a day, as of the seller's today (from the injected Clock). */
@ApplicationScoped
public class DailyDunning {

    @Inject
    DunningRun dunning;

    @Inject
    BusinessCalendar calendar;

    @Inject
    @org.eclipse.microprofile.health.Readiness
    BaseRateReadiness baseRates;

    /** A malformed base rate table fails the start, not the first dunning run weeks later. */
    void checkBaseRates(@Observes StartupEvent startup, DunningConfig config) {
        BaseRateTable.parse(config.baseRates());
    }

    /** The cron fires in the JVM's zone (UTC in containers); the day dunned for is always the seller's today. */
    @Scheduled(
            identity = "daily-dunning",
            cron = "{kontor.accounting.dunning.schedule}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void runAsOfToday() {
        baseRates.check(calendar.today());
        dunning.run(calendar.today());
    }
}
