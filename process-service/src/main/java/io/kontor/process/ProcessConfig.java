package io.kontor.process;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.Map;

/** Process management's own settings; values and their env-var overrides in application.properties. */
@ConfigMapping(prefix = "kontor.process")
public interface ProcessConfig {

    /** Per process (quote-to-cash, dunning, staffing-to-hire): the longest a case may wait after a step. */
    Map<String, Duration> sla();

    /** How often open cases are checked against their SLA (a Quarkus {@code @Scheduled} interval, or {@code off}). */
    String slaCheckEvery();

    /** How long a task may stay open before it is escalated to the process owner. */
    Duration taskDue();

    /**
     * Per act of a task (approvals by their act, other human steps: bank-entry-assignment, offer-legal-review,
     * suspect-requirement-links): its own time before escalation, else {@link #taskDue()}.
     */
    Map<String, Duration> taskDueFor();

    /** What the compliance report checks against. */
    Compliance compliance();

    interface Compliance {
        /** An invoice cancellation above this gross total needs a second person's approval. */
        java.math.BigDecimal invoiceCancellationApprovalAbove();
    }
}
