package io.kontor.platform.events.approvals;

import io.kontor.platform.events.DomainEvent;
import io.kontor.platform.events.EventType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * An act waits for a second person (four eyes), whichever service holds it: the act is PENDING_APPROVAL there until
 * process-service announces the decision ({@code kontor.process.approval-decided.v1}). Published by the platform's
 * {@code io.kontor.platform.approval.Approvals} for every acting service; process-service makes it a task for
 * {@code role} with {@code link} to act on. {@code amount} is what the policy measured (a gross total, a discount in
 * percent with {@code currency} {@code %}), null for acts that need approval whatever their size.
 */
@EventType(value = ApprovalRequested.TYPE, topic = ApprovalRequested.TOPIC)
public record ApprovalRequested(
        UUID approvalId,
        String act,
        String subjectType,
        String subjectId,
        BigDecimal amount,
        String currency,
        String summary,
        String link,
        String role,
        String requestedBy,
        Instant requestedAt)
        implements DomainEvent {

    public static final String TYPE = "kontor.approvals.approval-requested.v1";
    public static final String TOPIC = "approvals.requests";

    @Override
    public String aggregateId() {
        return approvalId.toString();
    }
}
