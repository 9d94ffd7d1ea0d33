package io.kontor.platform.events.accounting;

import io.kontor.platform.events.DomainEvent;
import io.kontor.platform.events.EventType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An invoice got its number and is now immutable; offerId is null for manual invoices. {@code projectId} and
 * {@code milestoneId} name the milestone a milestone invoice bills (null for others and in events from before they
 * existed), so that product development's traceability reaches from a requirement to the invoice.
 * {@code documentSha256} names the PDF frozen at issue (null in events from before it existed).
 */
@EventType(value = InvoiceIssued.TYPE, topic = InvoiceIssued.TOPIC)
public record InvoiceIssued(
        UUID invoiceId,
        String invoiceNumber,
        UUID customerId,
        UUID offerId,
        LocalDate issueDate,
        LocalDate dueDate,
        BigDecimal netTotal,
        BigDecimal vatTotal,
        BigDecimal grossTotal,
        String currency,
        UUID projectId,
        UUID milestoneId,
        String documentSha256)
        implements DomainEvent {

    public static final String TYPE = "kontor.accounting.invoice-issued.v1";
    public static final String TOPIC = "accounting.invoices";

    @Override
    public String aggregateId() {
        return invoiceId.toString();
    }
}
