package io.kontor.platform.events.accounting;

import io.kontor.platform.events.DomainEvent;
import io.kontor.platform.events.EventType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A customer's dispute of an invoice that accounting cannot settle is escalated to legal, which opens an
 * invoice-dispute case. The invoice stays disputed (dunning paused) until accounting resolves the dispute.
 */
@EventType(value = InvoiceDisputeEscalated.TYPE, topic = InvoiceDisputeEscalated.TOPIC)
public record InvoiceDisputeEscalated(
        UUID invoiceId,
        String invoiceNumber,
        UUID customerId,
        String customerNumber,
        String customerName,
        String currency,
        BigDecimal openTotal,
        String disputeReason,
        LocalDate disputedSince,
        LocalDate escalatedOn,
        String note)
        implements DomainEvent {

    public static final String TYPE = "kontor.accounting.invoice-dispute-escalated.v1";
    public static final String TOPIC = "accounting.invoices";

    @Override
    public String aggregateId() {
        return invoiceId.toString();
    }
}
