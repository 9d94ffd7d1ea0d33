package io.kontor.accounting.invoice;

import io.kontor.accounting.document.InvoiceDocuments;
import io.kontor.platform.events.accounting.InvoiceCancelled;
import io.kontor.platform.outbox.Outbox;
import io.kontor.platform.persistence.Found;
import io.kontor.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Cancels an issued invoice as a whole by a credit note (a partial credit is {@code credit.PartialCredits}). */
@ApplicationScoped
public class InvoiceCancelling {

    private static final Logger LOG = Logger.getLogger(InvoiceCancelling.class);

    @Inject
    InvoiceNumbers numbers;

    @Inject
    Outbox outbox;

    @Inject
    BusinessCalendar calendar;

    @Inject
    InvoiceDocuments documents;

    @Inject
    InvoiceMail mail;

    /** Cancels an issued, unpaid invoice by a credit note with the next GS number of the year. */
    @Transactional
    public Invoice cancel(UUID invoiceId, String reason) {
        Invoice invoice = Found.lockedById(Invoice.class, invoiceId, "invoice");
        // Before a number is taken: a refused cancellation must not use up a credit note number.
        invoice.requireCancellable();
        LocalDate today = calendar.today();
        invoice.cancel(numbers.nextCreditNote(today.getYear()), today, reason);
        documents.freezeCancellation(invoice);
        mail.sendCancelled(invoice);
        outbox.publish(new InvoiceCancelled(
                invoice.id, invoice.invoiceNumber, invoice.creditNoteNumber, invoice.customerId, invoice.offerId));
        LOG.infof("invoice %s cancelled by credit note %s", invoice.invoiceNumber, invoice.creditNoteNumber);
        return invoice;
    }
}
