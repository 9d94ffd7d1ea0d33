package io.kontor.platform.approval;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * An act that waited, or waits, for a second person: {@code status} is {@code PENDING_APPROVAL} until the decision,
 * then {@code APPROVED} or {@code REJECTED}. {@code parameters} is what the service needs to do the act once approved.
 */
public record PendingAct(
        UUID id,
        String act,
        String subjectType,
        String subjectId,
        BigDecimal amount,
        String currency,
        String summary,
        String parameters,
        String role,
        String requestedBy,
        Instant requestedAt,
        String status,
        String decidedBy,
        Instant decidedAt,
        String comment) {

    public static final String PENDING = "PENDING_APPROVAL";
    public static final String APPROVED = "APPROVED";
    public static final String REJECTED = "REJECTED";

    public boolean pending() {
        return PENDING.equals(status);
    }
}
