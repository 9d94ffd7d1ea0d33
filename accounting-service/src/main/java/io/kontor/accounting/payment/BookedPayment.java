package io.kontor.accounting.payment;

import io.kontor.accounting.invoice.InvoiceStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** {@code POST /payments} answers with the booking: how the money was allocated and what is left on the invoice. */
public record BookedPayment(
        UUID id,
        UUID invoiceId,
        String invoiceNumber,
        UUID customerId,
        BigDecimal amount,
        String currency,
        LocalDate valueDate,
        String payerName,
        String reference,
        Payment.Source source,
        Allocation allocation,
        InvoiceStatus invoiceStatus,
        BigDecimal openAmount) {

    public record Allocation(BigDecimal fees, BigDecimal interest, BigDecimal principal, BigDecimal credit) {}

    static BookedPayment of(Payment payment, InvoiceStatus invoiceStatus, BigDecimal openAmount) {
        return new BookedPayment(
                payment.id,
                payment.invoiceId,
                payment.invoiceNumber,
                payment.customerId,
                payment.amount,
                payment.currency,
                payment.valueDate,
                payment.payerName,
                payment.reference,
                payment.source,
                new Allocation(payment.toFees, payment.toInterest, payment.toPrincipal, payment.toCredit),
                invoiceStatus,
                openAmount);
    }
}
