package io.kontor.accounting.invoice;

import io.kontor.accounting.customer.Customer;
import io.kontor.accounting.document.InvoiceDocuments;
import io.kontor.platform.events.accounting.InvoiceIssued;
import io.kontor.platform.outbox.Outbox;
import io.kontor.platform.persistence.Found;
import io.kontor.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Issues invoices: the next gapless number, the frozen documents, the mail and {@code InvoiceIssued}, in one
 * transaction.
 */
@ApplicationScoped
public class InvoiceIssuing {

    private static final Logger LOG = Logger.getLogger(InvoiceIssuing.class);

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

    /** Issues a draft with the next number; a second issue is a 409. */
    @Transactional
    public Invoice issue(UUID invoiceId) {
        // Locked so that two concurrent issues of one draft cannot both take a number.
        Invoice invoice = Found.lockedById(Invoice.class, invoiceId, "invoice");
        invoice.requireDraft();
        if (invoice.origin == InvoiceOrigin.MANUAL) {
            // A draft may wait for days: it is issued to the customer's billing data of the issue date.
            Customer customer = Customer.findById(invoice.customerId);
            if (customer != null) {
                invoice.buyer = Buyer.of(customer);
                invoice.paymentTermDays = customer.paymentTermDays;
                TaxTreatments.refuseStale(invoice);
            }
        }
        issueNow(invoice);
        return invoice;
    }

    /** Gives a draft the next number of the year, freezes its documents, mails it and publishes the fact. */
    void issueNow(Invoice invoice) {
        LocalDate today = calendar.today();
        invoice.issue(numbers.next(today.getYear()), today);
        // Flushed first: the documents refer to the invoice row.
        invoice.persistAndFlush();
        String documentSha256 = documents.freeze(invoice);
        mail.sendIssued(invoice);
        outbox.publish(new InvoiceIssued(
                invoice.id,
                invoice.invoiceNumber,
                invoice.customerId,
                invoice.offerId,
                invoice.issueDate,
                invoice.dueDate,
                invoice.netTotal,
                invoice.vatTotal,
                invoice.grossTotal,
                invoice.currency,
                invoice.projectId,
                invoice.milestoneId,
                documentSha256));
        LOG.infof(
                "invoice %s issued to customer %s: %s %s gross, due %s",
                invoice.invoiceNumber, invoice.customerId, invoice.grossTotal, invoice.currency, invoice.dueDate);
    }
}
