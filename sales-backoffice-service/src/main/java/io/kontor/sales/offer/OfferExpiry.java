package io.kontor.sales.offer;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Expires unanswered offers once a day, shortly after midnight in the seller's calendar, so that offers nobody reads
 * still end up EXPIRED and published. Reads expire an overdue offer too
 * ({@link OfferDecisions#expireIfDue(java.util.UUID)}), so the run being late or a replica being down changes nothing a
 * caller can see.
 */
@ApplicationScoped
public class OfferExpiry {

    public static final String JOB = "offer-expiry";

    private static final Logger LOG = Logger.getLogger(OfferExpiry.class);

    @Inject
    OfferDecisions decisions;

    @Scheduled(
            identity = JOB,
            cron = "${kontor.sales.offers.expiry-cron}",
            timeZone = "${kontor.time-zone}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void run() {
        int expired = decisions.expireDue();
        if (expired > 0) {
            LOG.infof("Offer expiry: %d unanswered offers past their validity expired", expired);
        }
    }
}
