package io.kontor.productdevelopment.delivery;

import io.kontor.platform.events.EventMeta;
import io.kontor.platform.events.EventRoutes;
import io.kontor.platform.events.IncomingEvent;
import io.kontor.platform.events.accounting.InvoiceCancelled;
import io.kontor.platform.events.accounting.InvoiceIssued;
import io.kontor.platform.inbox.InboxHandled;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;

/** Remembers which invoice billed which milestone; invoices that bill no milestone do not concern the matrix. */
@ApplicationScoped
@Unremovable
public class InvoiceEventsHandler {

    private static final EventRoutes<InvoiceEventsHandler> ROUTES = EventRoutes.of(InvoiceEventsHandler.class)
            .on(InvoiceIssued.class, InvoiceEventsHandler::issued)
            .on(InvoiceCancelled.class, InvoiceEventsHandler::cancelled);

    @InboxHandled(topics = "accounting.invoices")
    void on(IncomingEvent event) {
        ROUTES.dispatch(this, event);
    }

    void issued(InvoiceIssued issued, EventMeta meta) {
        if (issued.milestoneId() == null || MilestoneInvoice.findById(issued.invoiceId()) != null) {
            return;
        }
        MilestoneInvoice invoice = new MilestoneInvoice();
        invoice.invoiceId = issued.invoiceId();
        invoice.invoiceNumber = issued.invoiceNumber();
        invoice.milestoneId = issued.milestoneId();
        invoice.projectId = issued.projectId();
        invoice.issueDate = issued.issueDate();
        invoice.grossTotal = issued.grossTotal();
        invoice.currency = issued.currency();
        invoice.persist();
    }

    /** A cancelled milestone invoice no longer bills its milestone: the matrix shows the milestone unbilled again. */
    void cancelled(InvoiceCancelled cancelled, EventMeta meta) {
        MilestoneInvoice invoice = MilestoneInvoice.findById(cancelled.invoiceId());
        if (invoice != null) {
            invoice.creditNoteNumber = cancelled.creditNoteNumber();
        }
    }
}
