package io.kontor.platform.events.accounting;

import io.kontor.platform.events.DomainEvent;
import io.kontor.platform.events.EventType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** An invoice passed its due date unpaid. */
@EventType(value = InvoiceOverdue.TYPE, topic = InvoiceOverdue.TOPIC)
public record InvoiceOverdue(
        UUID invoiceId,
        String invoiceNumber,
        UUID customerId,
        LocalDate dueDate,
        BigDecimal openAmount,
        String currency)
        implements DomainEvent {

    public static final String TYPE = "kontor.accounting.invoice-overdue.v1";
    public static final String TOPIC = "accounting.invoices";

    @Override
    public String aggregateId() {
        return invoiceId.toString();
    }
}
