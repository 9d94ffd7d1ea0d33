package io.kontor.platform.events.accounting;

import io.kontor.platform.events.DomainEvent;
import io.kontor.platform.events.EventType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A reminder (level 1) or dunning notice (levels 2 and 3) went out; level 3 puts the customer on credit hold in sales.
 */
@EventType(value = DunningNoticeIssued.TYPE, topic = DunningNoticeIssued.TOPIC)
public record DunningNoticeIssued(
        UUID invoiceId,
        String invoiceNumber,
        UUID customerId,
        int level,
        BigDecimal fee,
        BigDecimal interest,
        BigDecimal openAmount,
        String currency,
        LocalDate issuedOn)
        implements DomainEvent {

    public static final String TYPE = "kontor.accounting.dunning-notice-issued.v1";
    public static final String TOPIC = "accounting.invoices";

    @Override
    public String aggregateId() {
        return invoiceId.toString();
    }
}
