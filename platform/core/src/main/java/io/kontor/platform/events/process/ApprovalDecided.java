package io.kontor.platform.events.process;

import io.kontor.platform.events.DomainEvent;
import io.kontor.platform.events.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * A second person approved or rejected an act that waited for approval; the acting service completes or drops it. The
 * approver is never the requester (process-service refuses that with 409).
 */
@EventType(value = ApprovalDecided.TYPE, topic = ApprovalDecided.TOPIC)
public record ApprovalDecided(
        UUID approvalId,
        String act,
        String subjectId,
        String decision,
        String decidedBy,
        Instant decidedAt,
        String comment)
        implements DomainEvent {

    public static final String TYPE = "kontor.process.approval-decided.v1";
    public static final String TOPIC = "process.approvals";
    public static final String APPROVED = "APPROVED";
    public static final String REJECTED = "REJECTED";

    @Override
    public String aggregateId() {
        return approvalId.toString();
    }
}
