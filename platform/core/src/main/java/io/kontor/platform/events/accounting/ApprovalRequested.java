package io.kontor.platform.events.accounting;

import io.kontor.platform.events.DomainEvent;
import io.kontor.platform.events.EventType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * An act of accounting waits for a second person (four eyes): for now the cancellation of an invoice above the
 * threshold. process-service makes it a task for {@code role}; accounting completes or drops the act on
 * {@code kontor.process.approval-decided.v1}.
 */
@EventType(value = ApprovalRequested.TYPE, topic = ApprovalRequested.TOPIC)
public record ApprovalRequested(
        UUID approvalId,
        String act,
        UUID invoiceId,
        String invoiceNumber,
        BigDecimal amount,
        String currency,
        String reason,
        String role,
        String requestedBy,
        Instant requestedAt)
        implements DomainEvent {

    public static final String TYPE = "kontor.accounting.approval-requested.v1";
    public static final String TOPIC = "accounting.invoices";

    @Override
    public String aggregateId() {
        return invoiceId.toString();
    }
}
