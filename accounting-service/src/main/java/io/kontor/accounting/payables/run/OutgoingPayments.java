package io.kontor.accounting.payables.run;

import io.kontor.accounting.bank.DebitEntries;
import io.kontor.accounting.bank.StatementEntry;
import io.kontor.accounting.payables.SupplierInvoice;
import io.kontor.accounting.payables.SupplierInvoiceStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Settles supplier invoices from the debits of an imported bank statement: a debit whose EndToEndId is the one the
 * payment run gave an invoice, for the amount the run paid, settles it. A statement imported twice settles nothing
 * twice (the invoice is PAID after the first).
 */
@ApplicationScoped
public class OutgoingPayments {

    private static final Logger LOG = Logger.getLogger(OutgoingPayments.class);

    @Inject
    Event<Settled> settled;

    /** Fired in the settling transaction. */
    public record Settled(SupplierInvoice invoice) {}

    void onDebits(@Observes DebitEntries debits) {
        for (StatementEntry entry : debits.entries()) {
            if (entry.endToEndId() == null) {
                continue;
            }
            QuarkusTransaction.requiringNew().run(() -> settle(entry));
        }
    }

    private void settle(StatementEntry entry) {
        SupplierInvoice invoice =
                SupplierInvoice.find("endToEndId", entry.endToEndId()).firstResult();
        if (invoice == null || invoice.status != SupplierInvoiceStatus.IN_PAYMENT) {
            return;
        }
        if (invoice.paymentAmount.compareTo(entry.amount()) != 0) {
            LOG.warnf(
                    "debit %s names supplier invoice %s but is %s, not the %s paid: left for a person",
                    entry.entryKey(), invoice.id, entry.amount(), invoice.paymentAmount);
            return;
        }
        invoice.status = SupplierInvoiceStatus.PAID;
        invoice.paidAmount = entry.amount();
        invoice.paidOn = entry.valueDate() != null ? entry.valueDate() : entry.bookingDate();
        invoice.paidByEntry = entry.entryKey();
        settled.fire(new Settled(invoice));
    }
}
