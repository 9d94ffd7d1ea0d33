package io.kontor.accounting.payment;

import io.kontor.accounting.invoice.Invoice;
import io.kontor.accounting.invoice.InvoiceStatus;
import io.kontor.platform.problem.ConflictProblem;
import io.kontor.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Books received money against one invoice (allocation by §367 BGB, Skonto if paid in time) and writes off short
 * payments. Split over several invoices: {@link CollectivePayments}; credit set off or refunded:
 * {@link CustomerCredits}; corrections: {@link PaymentReversals}.
 */
@ApplicationScoped
public class Payments {

    @Inject
    PaymentPosting posting;

    @Inject
    CustomerCredits credits;

    @Inject
    BusinessCalendar calendar;

    /** What a payment says, wherever it was learned of. */
    public record Received(
            BigDecimal amount,
            LocalDate valueDate,
            String payerName,
            String reference,
            Payment.Source source,
            UUID receiptId,
            UUID bankEntryId,
            String note) {

        public Received(
                BigDecimal amount, LocalDate valueDate, String payerName, String reference, Payment.Source source) {
            this(amount, valueDate, payerName, reference, source, null, null, null);
        }

        Received withAmount(BigDecimal part) {
            return new Received(part, valueDate, payerName, reference, source, receiptId, bankEntryId, note);
        }
    }

    @Transactional
    public BookedPayment book(UUID invoiceId, Received received) {
        return book(posting.lockedInvoice(invoiceId), received);
    }

    /**
     * Books against an invoice the caller has already row-locked in this transaction (the bank statement import locks a
     * chunk's invoices in one query, #23): locking it again would be a second round trip per payment for nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public BookedPayment book(Invoice invoice, Received received) {
        if (invoice.status == InvoiceStatus.DRAFT || invoice.status == InvoiceStatus.CANCELLED) {
            throw new ConflictProblem("invoice " + (invoice.invoiceNumber == null ? invoice.id : invoice.invoiceNumber)
                    + " is " + invoice.status + "; payments are booked against issued invoices");
        }
        BookedPayment booked = posting.post(invoice, received);
        BookedPayment discount = posting.grantSkonto(invoice, booked, received);
        if (discount != null) {
            booked = posting.withInvoice(booked, discount);
        }
        if (booked.allocation().credit().signum() > 0) {
            // Set off as of today at the latest: a claim is set off only once it is due (§387 BGB), and a value date
            // in the future does not make it due earlier.
            LocalDate today = calendar.today();
            credits.setOffAgainstDueInvoices(
                    invoice.customerId, received.valueDate().isAfter(today) ? today : received.valueDate());
        }
        return booked;
    }

    /** Writes off what is left of a short payment within tolerance, with its reason; no money moved. */
    @Transactional
    public BookedPayment writeOff(UUID invoiceId, BigDecimal amount, LocalDate on, String reason, UUID receiptId) {
        return writeOff(posting.lockedInvoice(invoiceId), amount, on, reason, receiptId);
    }

    /** {@link #writeOff(UUID, BigDecimal, LocalDate, String, UUID)} of an invoice the caller holds locked. */
    @Transactional(Transactional.TxType.MANDATORY)
    public BookedPayment writeOff(Invoice invoice, BigDecimal amount, LocalDate on, String reason, UUID receiptId) {
        return posting.post(
                invoice, new Received(amount, on, null, reason, Payment.Source.WRITE_OFF, receiptId, null, reason));
    }
}
