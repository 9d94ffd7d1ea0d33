package io.kontor.platform.approval;

import java.math.BigDecimal;

/**
 * What a service asks a second person to approve: the act (its policy {@code kontor.approvals.<act>.*}), the subject it
 * acts on, what the policy measured ({@code amount} in {@code currency}, null when the act needs approval whatever its
 * size), a summary and the link (a path of the gateway) for the approver, and the act's own {@code parameters}.
 */
public record ApprovalRequest(
        String act,
        String subjectType,
        String subjectId,
        BigDecimal amount,
        String currency,
        String summary,
        String link,
        String parameters,
        String requestedBy) {}
