package io.kontor.accounting.offer;

import io.kontor.accounting.invoice.Invoicing;
import io.kontor.platform.events.EventMeta;
import io.kontor.platform.events.EventRoutes;
import io.kontor.platform.events.IncomingEvent;
import io.kontor.platform.events.projects.MilestoneCompleted;
import io.kontor.platform.events.sales.BillingMode;
import io.kontor.platform.inbox.InboxHandled;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/** Bills a completed milestone when the offer it belongs to was sold for billing by MILESTONES. */
@ApplicationScoped
public class MilestoneCompletedHandler {

    private static final Logger LOG = Logger.getLogger(MilestoneCompletedHandler.class);

    @Inject
    Invoicing invoicing;

    private static final EventRoutes<MilestoneCompletedHandler> ROUTES = EventRoutes.of(MilestoneCompletedHandler.class)
            .on(MilestoneCompleted.class, MilestoneCompletedHandler::completed);

    @Incoming("projects-projects")
    @Blocking
    @InboxHandled
    void on(IncomingEvent event) {
        ROUTES.dispatch(this, event);
    }

    void completed(MilestoneCompleted milestone, EventMeta meta) {
        if (milestone.offerId() == null
                || milestone.amount() == null
                || milestone.amount().signum() <= 0) {
            LOG.infof(
                    "milestone %s of project %s has no offer or no amount: nothing to bill",
                    milestone.milestoneId(), milestone.projectId());
            return;
        }
        AcceptedOffer offer = AcceptedOffer.findById(milestone.offerId());
        if (offer == null) {
            // Retried, then a dead letter to replay once the offer is known: a milestone must not go unbilled silently.
            throw new IllegalStateException("milestone " + milestone.milestoneId() + " names offer "
                    + milestone.offerId() + ", which accounting has not seen accepted");
        }
        if (offer.billing != BillingMode.MILESTONES) {
            LOG.infof(
                    "offer %s is billed %s; milestone %s is not invoiced",
                    offer.offerNumber, offer.billing, milestone.milestoneId());
            return;
        }
        if (milestone.currency() != null && !milestone.currency().equals(offer.currency)) {
            throw new IllegalArgumentException("milestone " + milestone.milestoneId() + " is in " + milestone.currency()
                    + ", its offer " + offer.offerNumber + " in " + offer.currency);
        }
        String description = "Meilenstein " + milestone.name() + " (Angebot " + offer.offerNumber + ")";
        invoicing.billMilestone(
                milestone.projectId(),
                milestone.milestoneId(),
                offer.offerId,
                offer.customerId,
                offer.buyer.copy(),
                offer.paymentTermDays,
                offer.currency,
                MilestoneLines.of(
                        offer.lines, description, milestone.amount().setScale(2, java.math.RoundingMode.HALF_UP)),
                offer.purchaseOrderReference,
                // The milestone's service is rendered on the day it was completed.
                milestone.completedOn());
    }
}
