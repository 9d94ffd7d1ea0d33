package io.kontor.accounting.dunning;

import io.kontor.accounting.invoice.Invoice;
import io.kontor.accounting.payment.OpenClaim;
import io.kontor.platform.events.EventMeta;
import io.kontor.platform.events.EventRoutes;
import io.kontor.platform.events.IncomingEvent;
import io.kontor.platform.events.legal.CollectionCaseClosed;
import io.kontor.platform.events.legal.CollectionResult;
import io.kontor.platform.inbox.InboxHandled;
import io.kontor.platform.time.BusinessCalendar;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

/**
 * Legal closed the collection case of an invoice (EVENTS.md, {@code legal.cases}): the result goes on the hand-over,
 * and what could not be recovered is written off. Money recovered is booked when it reaches the bank account, like any
 * payment, so nothing is booked twice.
 */
@ApplicationScoped
@Unremovable
public class CollectionCaseClosedHandler {

    private static final Logger LOG = Logger.getLogger(CollectionCaseClosedHandler.class);

    private static final EventRoutes<CollectionCaseClosedHandler> ROUTES = EventRoutes.of(
                    CollectionCaseClosedHandler.class)
            .on(CollectionCaseClosed.class, CollectionCaseClosedHandler::closed);

    @Inject
    BusinessCalendar calendar;

    @InboxHandled(topics = "legal.cases")
    void on(IncomingEvent event) {
        ROUTES.dispatch(this, event);
    }

    void closed(CollectionCaseClosed closed, EventMeta meta) {
        // Locked: a payment being booked from a bank statement at the same moment goes first or waits.
        Invoice invoice = Invoice.findById(closed.invoiceId(), LockModeType.PESSIMISTIC_WRITE);
        if (invoice == null) {
            throw new IllegalStateException("collection case " + closed.caseNumber() + " names invoice "
                    + closed.invoiceId() + ", which accounting does not know");
        }
        CollectionHandover handover = CollectionHandover.findById(invoice.id);
        if (handover != null && handover.closedOn == null) {
            handover.caseId = closed.caseId();
            handover.caseNumber = closed.caseNumber();
            handover.result = closed.result().name();
            handover.amountRecovered = closed.amountRecovered();
            handover.closedOn = closed.closedOn();
        }
        if (closed.result() == CollectionResult.PAID) {
            LOG.infof("collection case %s of invoice %s closed as paid", closed.caseNumber(), invoice.invoiceNumber);
            return;
        }
        if (!invoice.status.isReceivable() || InvoiceWriteOff.findById(invoice.id) != null) {
            LOG.infof(
                    "collection case %s closed as %s; invoice %s is %s, nothing left to write off",
                    closed.caseNumber(), closed.result(), invoice.invoiceNumber, invoice.status);
            return;
        }
        OpenClaim lost = invoice.writeOff(calendar.today());
        InvoiceWriteOff writeOff = new InvoiceWriteOff();
        writeOff.invoiceId = invoice.id;
        writeOff.writtenOffOn = invoice.writtenOffOn;
        writeOff.currency = invoice.currency;
        writeOff.principal = lost.principal();
        writeOff.fees = lost.fees();
        writeOff.interest = lost.interest();
        writeOff.total = lost.total();
        writeOff.reason = "Forderungsausfall nach Inkasso ("
                + (closed.result() == CollectionResult.WRITTEN_OFF ? "uneinbringlich" : "teilweise bezahlt") + ")"
                + (closed.note() == null || closed.note().isBlank()
                        ? ""
                        : ": " + abbreviate(closed.note().strip()));
        writeOff.voucher = "Akte " + closed.caseNumber();
        writeOff.caseId = closed.caseId();
        writeOff.createdAt = calendar.now();
        writeOff.persist();
        LOG.infof(
                "invoice %s written off (%s %s) after collection case %s closed as %s",
                invoice.invoiceNumber, lost.total(), invoice.currency, closed.caseNumber(), closed.result());
    }

    private static String abbreviate(String text) {
        return text.length() <= 400 ? text : text.substring(0, 399) + "…";
    }
}
