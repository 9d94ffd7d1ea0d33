package io.kontor.projects.risk;

/**
 * When a risk is escalated: while it is OPEN and its score (probability × impact, each 1..5) is at or above the
 * threshold. An escalation is announced once, when it starts; a risk that stays above the threshold, however often it
 * is edited, is the same escalation. Falling below the threshold, or being mitigated or closed, ends it, so that a
 * later rise is a new escalation that is announced again.
 */
public record EscalationRule(int threshold) {

    public enum Outcome {
        /** Not escalated before, escalated now: announce it. */
        STARTS,
        /** Escalated before and still: nothing new to say. */
        CONTINUES,
        /** Escalated before, no longer. */
        ENDS,
        /** Neither before nor now. */
        NONE;

        public boolean escalated() {
            return this == STARTS || this == CONTINUES;
        }
    }

    public EscalationRule {
        if (threshold < 1 || threshold > 25) {
            throw new IllegalArgumentException(
                    "an escalation threshold must be a reachable score, 1..25, not " + threshold);
        }
    }

    public static int score(int probability, int impact) {
        return probability * impact;
    }

    public Outcome apply(boolean escalatedBefore, int probability, int impact, RiskStatus status) {
        boolean escalatedNow = status == RiskStatus.OPEN && score(probability, impact) >= threshold;
        if (escalatedNow) {
            return escalatedBefore ? Outcome.CONTINUES : Outcome.STARTS;
        }
        return escalatedBefore ? Outcome.ENDS : Outcome.NONE;
    }
}
