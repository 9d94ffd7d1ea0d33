package io.kontor.accounting.bank;

import io.kontor.accounting.bank.BankStatementImport.Matched;
import io.kontor.accounting.invoice.Invoice;
import io.kontor.accounting.invoice.InvoiceStatus;
import io.kontor.accounting.payment.BookedPayment;
import io.kontor.accounting.payment.CollectivePayments;
import io.kontor.accounting.payment.Payment;
import io.kontor.accounting.payment.Payments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Books a credit entry the matcher placed: against the one invoice it names or its amount fits (a short payment within
 * tolerance written off), or split over the invoices it names (§366 (1) BGB).
 */
@ApplicationScoped
class EntryBooking {

    @Inject
    Payments payments;

    @Inject
    CollectivePayments collective;

    @Inject
    EntityManager entityManager;

    @Inject
    BankConfig config;

    Matched book(
            StatementEntry statementEntry, BankEntry entry, PaymentMatcher.Decision decision, ChunkInvoices invoices) {
        Payments.Received received = received(
                statementEntry.amount(),
                statementEntry.valueDate(),
                statementEntry.payerName(),
                statementEntry.remittance(),
                entry);
        if (decision.by() == PaymentMatcher.MatchedBy.INVOICE_NUMBERS) {
            List<CollectivePayments.Designation> designations = decision.invoices().stream()
                    .map(candidate -> new CollectivePayments.Designation(candidate.invoiceNumber(), null))
                    .toList();
            // The collective booking reads the customer's other open invoices from the table (§366 (2) BGB).
            entityManager.flush();
            return collectiveMatched(entry, decision.by(), collective.bookCollective(null, designations, received));
        }
        // An invoice named by the entry is locked with its chunk; one matched by its amount is locked by the booking.
        Invoice invoice = invoices.locked(decision.invoice().invoiceId()).orElse(null);
        BookedPayment booked = invoice != null
                ? payments.book(invoice, received)
                : payments.book(decision.invoice().invoiceId(), received);
        if (invoice == null) {
            invoice = Invoice.findById(decision.invoice().invoiceId());
        }
        entry.matched(decision.by(), invoice.id, invoice.invoiceNumber, booked.id());
        BigDecimal writtenOff = BigDecimal.ZERO.setScale(2);
        InvoiceStatus status = booked.invoiceStatus();
        if (decision.by() != PaymentMatcher.MatchedBy.AMOUNT_AND_PAYER
                && status.isReceivable()
                && withinTolerance(booked.openAmount(), statementEntry.amount())
                && !lateSkonto(invoice, booked.openAmount())) {
            BookedPayment writeOff = payments.writeOff(
                    invoice, booked.openAmount(), statementEntry.valueDate(), config.shortPaymentReason(), null);
            writtenOff = writeOff.amount();
            status = writeOff.invoiceStatus();
        }
        return new Matched(
                entry.id,
                booked.invoiceNumber(),
                statementEntry.amount(),
                decision.by(),
                booked.id(),
                status,
                null,
                writtenOff);
    }

    /** What the entry says, as a payment received from the bank statement. */
    static Payments.Received received(
            BigDecimal amount, java.time.LocalDate valueDate, String payer, String remittance, BankEntry entry) {
        return new Payments.Received(
                amount,
                valueDate,
                payer,
                remittance == null ? null : remittance.substring(0, Math.min(500, remittance.length())),
                Payment.Source.BANK_STATEMENT,
                null,
                entry.id,
                null);
    }

    /**
     * A gap that is exactly the invoice's Skonto was deducted after the Skonto period: not the payer's bank charges but
     * a deduction the payer was no longer entitled to; it stays open (and is dunned).
     */
    private static boolean lateSkonto(Invoice invoice, BigDecimal shortfall) {
        return invoice.skonto() != null
                && invoice.skonto().amount(invoice.grossTotal).compareTo(shortfall) == 0;
    }

    /** A gap of at most the configured amount, or the configured share of what was owed. */
    boolean withinTolerance(BigDecimal shortfall, BigDecimal paid) {
        if (shortfall.signum() <= 0) {
            return false;
        }
        BigDecimal owed = shortfall.add(paid);
        BigDecimal byPercent = owed.multiply(config.shortPaymentTolerancePercent())
                .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
        return shortfall.compareTo(config.shortPaymentToleranceAmount().max(byPercent)) <= 0;
    }

    static Matched collectiveMatched(
            BankEntry entry, PaymentMatcher.MatchedBy by, CollectivePayments.CollectiveBooking booking) {
        BookedPayment first = booking.parts().isEmpty() ? null : booking.parts().get(0);
        entry.matched(
                by,
                first == null ? null : first.invoiceId(),
                first == null ? null : first.invoiceNumber(),
                first == null ? null : first.id());
        entry.receiptId = booking.receiptId();
        String numbers = String.join(
                ", ", booking.parts().stream().map(BookedPayment::invoiceNumber).toList());
        return new Matched(
                entry.id,
                numbers,
                entry.amount,
                by,
                first == null ? null : first.id(),
                first == null
                        ? null
                        : booking.parts().get(booking.parts().size() - 1).invoiceStatus(),
                booking.receiptId(),
                BigDecimal.ZERO.setScale(2));
    }
}
