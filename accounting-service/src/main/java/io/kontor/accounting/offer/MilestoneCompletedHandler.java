package io.kontor.accounting.offer;

import io.kontor.accounting.invoice.Invoice;
import io.kontor.accounting.invoice.InvoiceBilling;
import io.kontor.accounting.invoice.InvoiceOrigin;
import io.kontor.accounting.invoice.InvoiceStatus;
import io.kontor.platform.events.EventMeta;
import io.kontor.platform.events.EventRoutes;
import io.kontor.platform.events.IncomingEvent;
import io.kontor.platform.events.projects.MilestoneCompleted;
import io.kontor.platform.events.sales.BillingMode;
import io.kontor.platform.inbox.InboxHandled;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.jboss.logging.Logger;

/** Bills a completed milestone when the offer it belongs to was sold for billing by MILESTONES. */
@ApplicationScoped
@Unremovable
public class MilestoneCompletedHandler {

    private static final Logger LOG = Logger.getLogger(MilestoneCompletedHandler.class);

    @Inject
    InvoiceBilling billing;

    private static final EventRoutes<MilestoneCompletedHandler> ROUTES = EventRoutes.of(MilestoneCompletedHandler.class)
            .on(MilestoneCompleted.class, MilestoneCompletedHandler::completed);

    @InboxHandled(topics = "projects.projects")
    void on(IncomingEvent event) {
        ROUTES.dispatch(this, event);
    }

    /** The net of the offer's milestone invoices not cancelled, other than this milestone's own (a redelivery). */
    private static List<Invoice> partials(java.util.UUID offerId, java.util.UUID milestoneId) {
        return Invoice.<Invoice>list(
                        "offerId = ?1 and origin = ?2 order by issueDate, invoiceNumber",
                        offerId,
                        InvoiceOrigin.MILESTONE)
                .stream()
                .filter(invoice -> invoice.status != InvoiceStatus.CANCELLED && invoice.status != InvoiceStatus.DRAFT)
                .filter(invoice -> !milestoneId.equals(invoice.milestoneId))
                .toList();
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
        BigDecimal amount = milestone.amount().setScale(2, RoundingMode.HALF_UP);
        List<Invoice> partials = partials(offer.offerId, milestone.milestoneId());
        BigDecimal billed = partials.stream().map(invoice -> invoice.netTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (offer.netTotal != null && billed.add(amount).compareTo(offer.netTotal) > 0) {
            // Project-office refuses to plan beyond the offer (409 naming the amount); a milestone that still gets here
            // is not billed: the customer accepted the offer's total, not more. Retried, then a dead letter for a
            // person.
            throw new IllegalStateException("milestone " + milestone.milestoneId() + " of " + amount
                    + " would bill more than offer " + offer.offerNumber + "'s net total of " + offer.netTotal + " ("
                    + billed + " billed already)");
        }
        String description = "Meilenstein " + milestone.name() + " (Angebot " + offer.offerNumber + ")";
        // The milestone that completes the offer's total is billed by a final invoice over the whole offer, deducting
        // the partial invoices (§14 (5) UStG); a single milestone for the whole offer is an ordinary invoice.
        boolean completesTheOffer = offer.netTotal != null
                && !partials.isEmpty()
                && billed.add(amount).compareTo(offer.netTotal) == 0;
        if (completesTheOffer) {
            billing.billMilestone(
                    milestone.projectId(),
                    milestone.milestoneId(),
                    offer.offerId,
                    offer.customerId,
                    offer.buyer.copy(),
                    offer.paymentTermDays,
                    offer.currency,
                    offer.invoiceLines(),
                    offer.purchaseOrderReference,
                    milestone.completedOn(),
                    new InvoiceBilling.FinalBilling(
                            offer.discount(),
                            offer.serviceFrom != null ? offer.serviceFrom : partials.get(0).serviceFrom,
                            partials));
            return;
        }
        billing.billMilestone(
                milestone.projectId(),
                milestone.milestoneId(),
                offer.offerId,
                offer.customerId,
                offer.buyer.copy(),
                offer.paymentTermDays,
                offer.currency,
                MilestoneLines.of(
                        offer.pricedLines(),
                        description,
                        milestone.amount().setScale(2, java.math.RoundingMode.HALF_UP)),
                offer.purchaseOrderReference,
                // The milestone's service is rendered on the day it was completed.
                milestone.completedOn());
    }
}
