package io.kontor.hr.privacy;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Erases rejected candidates by itself once their retention (kontor.hr.privacy.rejected-candidate-retention) has
 * passed.
 */
@ApplicationScoped
public class RejectedCandidateRetention {

    @Inject
    Erasure erasure;

    @Scheduled(
            identity = "rejected-candidate-erasure",
            every = "${kontor.hr.privacy.erasure-every}",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        erasure.eraseRejectedPastRetention();
    }
}
