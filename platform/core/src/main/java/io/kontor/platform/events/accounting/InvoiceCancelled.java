package io.kontor.platform.events.accounting;

import io.kontor.platform.events.DomainEvent;
import io.kontor.platform.events.EventType;
import java.util.UUID;

/** An issued invoice was cancelled by a credit note. */
@EventType(value = InvoiceCancelled.TYPE, topic = InvoiceCancelled.TOPIC)
public record InvoiceCancelled(
        UUID invoiceId, String invoiceNumber, String creditNoteNumber, UUID customerId, UUID offerId)
        implements DomainEvent {

    public static final String TYPE = "kontor.accounting.invoice-cancelled.v1";
    public static final String TOPIC = "accounting.invoices";

    @Override
    public String aggregateId() {
        return invoiceId.toString();
    }
}
