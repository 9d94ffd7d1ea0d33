package io.kontor.platform.events.accounting;

import io.kontor.platform.events.DomainEvent;
import io.kontor.platform.events.EventType;
import java.time.LocalDate;
import java.util.UUID;

/** An invoice is paid in full, fees and interest included. */
@EventType(value = InvoicePaid.TYPE, topic = InvoicePaid.TOPIC)
public record InvoicePaid(UUID invoiceId, String invoiceNumber, UUID customerId, UUID offerId, LocalDate paidOn)
        implements DomainEvent {

    public static final String TYPE = "kontor.accounting.invoice-paid.v1";
    public static final String TOPIC = "accounting.invoices";

    @Override
    public String aggregateId() {
        return invoiceId.toString();
    }
}
