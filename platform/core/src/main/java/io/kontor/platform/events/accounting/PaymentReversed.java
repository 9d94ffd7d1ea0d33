package io.kontor.platform.events.accounting;

import io.kontor.platform.events.DomainEvent;
import io.kontor.platform.events.EventType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A payment booking was reversed (by hand, with its bank entry, or by a return/chargeback): the invoice owes again what
 * the booking had settled. {@code invoiceStatus} and {@code openAmount} are as after the reversal; {@code wasPaid} says
 * the invoice had been paid in full before it, so that consumers undo what invoice-paid did; {@code overdue} and
 * {@code dunningLevel} let them put the invoice back into the customer's credit standing.
 */
@EventType(value = PaymentReversed.TYPE, topic = PaymentReversed.TOPIC)
public record PaymentReversed(
        UUID invoiceId,
        String invoiceNumber,
        UUID customerId,
        UUID offerId,
        UUID paymentId,
        UUID reversalId,
        BigDecimal amount,
        String currency,
        LocalDate reversedOn,
        String reason,
        boolean wasPaid,
        String invoiceStatus,
        BigDecimal openAmount,
        boolean overdue,
        int dunningLevel)
        implements DomainEvent {

    public static final String TYPE = "kontor.accounting.payment-reversed.v1";
    public static final String TOPIC = "accounting.invoices";

    @Override
    public String aggregateId() {
        return invoiceId.toString();
    }
}
