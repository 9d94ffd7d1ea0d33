package io.kontor.platform.events.accounting;

import io.kontor.platform.events.DomainEvent;
import io.kontor.platform.events.EventType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An invoice dunned at level 3 whose last deadline passed is handed to collection (court dunning procedure, §§688 ff.
 * ZPO, or an agency): accounting stops dunning it, and legal opens a collection case. Carries what a Mahnantrag needs:
 * the debtor, the claim split into principal, dunning costs and interest (§§288, 367 BGB), and the dates it rests on.
 */
@EventType(value = InvoiceHandedToCollection.TYPE, topic = InvoiceHandedToCollection.TOPIC)
public record InvoiceHandedToCollection(
        UUID invoiceId,
        String invoiceNumber,
        UUID customerId,
        String customerNumber,
        String customerName,
        String currency,
        BigDecimal principal,
        BigDecimal fees,
        BigDecimal interest,
        BigDecimal total,
        LocalDate issueDate,
        LocalDate dueDate,
        int dunningLevel,
        LocalDate lastPayBy,
        LocalDate handedOn,
        String handedTo,
        String reference)
        implements DomainEvent {

    public static final String TYPE = "kontor.accounting.invoice-handed-to-collection.v1";
    public static final String TOPIC = "accounting.invoices";

    @Override
    public String aggregateId() {
        return invoiceId.toString();
    }
}
