package io.kontor.platform.events.legal;

import io.kontor.platform.events.DomainEvent;
import io.kontor.platform.events.EventType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Legal closed a collection case with its result; accounting acts on the invoice: what could not be recovered is
 * written off (PARTIALLY_PAID, WRITTEN_OFF), money recovered is booked when it reaches the bank account.
 */
@EventType(value = CollectionCaseClosed.TYPE, topic = CollectionCaseClosed.TOPIC)
public record CollectionCaseClosed(
        UUID caseId,
        String caseNumber,
        UUID invoiceId,
        String invoiceNumber,
        CollectionResult result,
        BigDecimal amountRecovered,
        String currency,
        LocalDate closedOn,
        String closedBy,
        String note)
        implements DomainEvent {

    public static final String TYPE = "kontor.legal.collection-case-closed.v1";
    public static final String TOPIC = "legal.cases";

    @Override
    public String aggregateId() {
        return caseId.toString();
    }
}
