package io.kontor.accounting.invoice;

import io.kontor.platform.events.accounting.InvoiceDisputeEscalated;
import io.kontor.platform.outbox.Outbox;
import io.kontor.platform.persistence.Found;
import io.kontor.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.jboss.logging.Logger;

/** A customer's dispute of an invoice: opened, escalated to legal, resolved; dunning pauses meanwhile. */
@ApplicationScoped
public class InvoiceDisputes {

    private static final Logger LOG = Logger.getLogger(InvoiceDisputes.class);

    @Inject
    Outbox outbox;

    @Inject
    BusinessCalendar calendar;

    /** The customer disputes the invoice: the dunning run passes it over until the dispute is resolved. */
    @Transactional
    public Invoice dispute(UUID invoiceId, String reason) {
        // Locked: a dunning batch holding the row finishes first; the next one skips the invoice.
        Invoice invoice = Found.lockedById(Invoice.class, invoiceId, "invoice");
        invoice.dispute(reason, calendar.today());
        LOG.infof("invoice %s disputed at dunning level %d: %s", invoice.invoiceNumber, invoice.dunningLevel, reason);
        return invoice;
    }

    /**
     * Hands the dispute to legal, which opens an invoice-dispute case; the invoice stays disputed (dunning paused)
     * until accounting resolves the dispute as legal advises.
     */
    @Transactional
    public Invoice escalateDispute(UUID invoiceId, String note) {
        Invoice invoice = Found.lockedById(Invoice.class, invoiceId, "invoice");
        invoice.escalateDispute(calendar.today());
        outbox.publish(new InvoiceDisputeEscalated(
                invoice.id,
                invoice.invoiceNumber,
                invoice.customerId,
                invoice.buyer.customerNumber,
                invoice.buyer.name,
                invoice.currency,
                invoice.openClaim().total(),
                invoice.disputeReason,
                invoice.disputedSince,
                invoice.disputeEscalatedOn,
                note));
        LOG.infof("dispute of invoice %s escalated to legal", invoice.invoiceNumber);
        return invoice;
    }

    /** Ends the dispute; dunning resumes at the level the invoice had. */
    @Transactional
    public Invoice resolveDispute(UUID invoiceId) {
        Invoice invoice = Found.lockedById(Invoice.class, invoiceId, "invoice");
        invoice.resolveDispute(calendar.today());
        LOG.infof(
                "dispute of invoice %s (since %s: %s) resolved; dunning resumes at level %d",
                invoice.invoiceNumber, invoice.disputedSince, invoice.disputeReason, invoice.dunningLevel);
        return invoice;
    }
}
