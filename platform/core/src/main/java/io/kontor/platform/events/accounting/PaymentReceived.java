package io.kontor.platform.events.accounting;

import io.kontor.platform.events.DomainEvent;
import io.kontor.platform.events.EventType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A payment was booked against an invoice; openAmount is what is left after it. */
@EventType(value = PaymentReceived.TYPE, topic = PaymentReceived.TOPIC)
public record PaymentReceived(
        UUID invoiceId,
        String invoiceNumber,
        UUID customerId,
        UUID offerId,
        UUID paymentId,
        BigDecimal amount,
        String currency,
        LocalDate valueDate,
        BigDecimal openAmount)
        implements DomainEvent {

    public static final String TYPE = "kontor.accounting.payment-received.v1";
    public static final String TOPIC = "accounting.invoices";

    @Override
    public String aggregateId() {
        return invoiceId.toString();
    }
}
