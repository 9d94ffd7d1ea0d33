package io.kontor.platform.approval;

import io.kontor.platform.events.process.ApprovalDecided;

/**
 * A service's act under four eyes, as a CDI bean: when process-service's decision on one of its pending acts arrives,
 * the platform's {@link ApprovalDecisionHandler} calls {@link #approved} (do the act now) or {@link #rejected} (drop
 * it), in the transaction that records the decision, once (the inbox).
 */
public interface ApprovedAct {

    /** The act's name, as in {@code kontor.approvals.<act>.*} and the request. */
    String act();

    void approved(PendingAct act, ApprovalDecided decision);

    void rejected(PendingAct act, ApprovalDecided decision);
}
