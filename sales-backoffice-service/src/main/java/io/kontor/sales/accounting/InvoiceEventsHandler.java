package io.kontor.sales.accounting;

import io.kontor.platform.events.EventMeta;
import io.kontor.platform.events.EventRoutes;
import io.kontor.platform.events.IncomingEvent;
import io.kontor.platform.events.accounting.DunningNoticeIssued;
import io.kontor.platform.events.accounting.InvoiceCancelled;
import io.kontor.platform.events.accounting.InvoiceIssued;
import io.kontor.platform.events.accounting.InvoiceOverdue;
import io.kontor.platform.events.accounting.InvoicePaid;
import io.kontor.platform.events.accounting.PaymentReversed;
import io.kontor.platform.inbox.InboxHandled;
import io.kontor.sales.customer.CreditHolds;
import io.kontor.sales.customer.CreditStanding;
import io.kontor.sales.customer.Customer;
import io.kontor.sales.followup.FollowUps;
import io.kontor.sales.offer.Offer;
import io.kontor.sales.offer.OfferInvoicing;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * What sales learns from accounting (EVENTS.md, {@code accounting.invoices}): issued invoices are linked to their
 * offer, a paid one marks the offer paid and plans the after-sale call, overdue and dunned invoices drive the credit
 * hold, and a cancelled one reopens the follow-up; a reversed payment undoes what the payment had done. Each event runs
 * in the inbox's transaction, so its effect happens once however often Kafka delivers it.
 */
@ApplicationScoped
@Unremovable
public class InvoiceEventsHandler {

    private static final Logger LOG = Logger.getLogger(InvoiceEventsHandler.class);

    @Inject
    OfferInvoicing offers;

    @Inject
    CreditHolds creditHolds;

    @Inject
    FollowUps followUps;

    private static final EventRoutes<InvoiceEventsHandler> ROUTES = EventRoutes.of(InvoiceEventsHandler.class)
            .on(InvoiceIssued.class, InvoiceEventsHandler::issued)
            .on(InvoicePaid.class, InvoiceEventsHandler::paid)
            .on(InvoiceOverdue.class, InvoiceEventsHandler::overdue)
            .on(DunningNoticeIssued.class, InvoiceEventsHandler::dunned)
            .on(InvoiceCancelled.class, InvoiceEventsHandler::cancelled)
            .on(PaymentReversed.class, InvoiceEventsHandler::paymentReversed);

    @InboxHandled(topics = "accounting.invoices")
    void on(IncomingEvent event) {
        ROUTES.dispatch(this, event);
    }

    void issued(InvoiceIssued issued, EventMeta meta) {
        Offer offer = offers.invoiced(issued.offerId());
        if (offer != null) {
            offers.invoiceIssued(offer, issued.invoiceId(), issued.invoiceNumber());
        }
    }

    void paid(InvoicePaid paid, EventMeta meta) {
        Offer offer = offers.invoiced(paid.offerId());
        if (offer != null) {
            offers.invoicePaid(offer, paid.invoiceId(), paid.invoiceNumber());
        }
        creditHolds.settled(paid.customerId(), paid.invoiceId());
        if (known(paid.customerId(), meta)) {
            followUps.afterPayment(
                    paid.customerId(),
                    offer == null ? null : offer.id,
                    offer == null ? null : offer.offerNumber,
                    paid.invoiceId(),
                    paid.invoiceNumber(),
                    paid.paidOn());
        }
    }

    void overdue(InvoiceOverdue overdue, EventMeta meta) {
        creditHolds.invoiceOverdue(overdue.customerId(), overdue.invoiceId(), overdue.invoiceNumber());
    }

    void dunned(DunningNoticeIssued notice, EventMeta meta) {
        creditHolds.dunned(notice.customerId(), notice.invoiceId(), notice.invoiceNumber(), notice.level());
    }

    void cancelled(InvoiceCancelled cancelled, EventMeta meta) {
        Offer offer = offers.invoiced(cancelled.offerId());
        if (offer != null) {
            offers.invoiceCancelled(offer, cancelled.invoiceId(), cancelled.invoiceNumber());
        }
        creditHolds.settled(cancelled.customerId(), cancelled.invoiceId());
        if (known(cancelled.customerId(), meta)) {
            followUps.reopenAfterCancellation(
                    cancelled.customerId(),
                    offer == null ? null : offer.id,
                    cancelled.invoiceId(),
                    cancelled.invoiceNumber(),
                    cancelled.creditNoteNumber());
        }
    }

    /**
     * A payment was reversed and the invoice is no longer paid: the offer is owed again, the after-sale call is off,
     * and an invoice past its due date counts against the customer's credit standing again, at its dunning level (the
     * third puts the customer back on hold). A reversal that leaves the invoice paid, or that reverses part of an
     * unpaid one, changes nothing sales derived.
     */
    void paymentReversed(PaymentReversed reversed, EventMeta meta) {
        if (!reversed.wasPaid() || "PAID".equals(reversed.invoiceStatus())) {
            return;
        }
        Offer offer = offers.invoiced(reversed.offerId());
        if (offer != null) {
            offers.invoiceUnpaid(offer, reversed.invoiceId(), reversed.invoiceNumber());
        }
        followUps.paymentReversed(reversed.invoiceId(), reversed.invoiceNumber(), reversed.reason());
        if (reversed.overdue()) {
            creditHolds.dunned(
                    reversed.customerId(),
                    reversed.invoiceId(),
                    reversed.invoiceNumber(),
                    Math.min(reversed.dunningLevel(), CreditStanding.HOLD_LEVEL));
        }
        LOG.infof(
                "invoice %s no longer paid (payment %s reversed: %s)",
                reversed.invoiceNumber(), reversed.paymentId(), reversed.reason());
    }

    /** Accounting bills only customers sales registered; one it does not know is logged and left alone, not retried. */
    private static boolean known(UUID customerId, EventMeta event) {
        if (customerId != null && Customer.findById(customerId) != null) {
            return true;
        }
        LOG.warnf("%s names customer %s, whom sales does not know; no follow-up planned", event, customerId);
        return false;
    }
}
