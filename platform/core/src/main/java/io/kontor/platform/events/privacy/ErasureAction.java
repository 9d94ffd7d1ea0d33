package io.kontor.platform.events.privacy;

import java.time.LocalDate;

/**
 * What a service did with one category of a person's records on an erasure request (Art. 17 GDPR): erased them,
 * restricted them because a law obliges it to keep them (Art. 17 (3) (b), Art. 18, §35 (3) BDSG; {@code keptUntil} is
 * the last day of the retention), or kept them unchanged for a reason ({@code reason} names the rule).
 */
public record ErasureAction(String category, Outcome outcome, int records, String reason, LocalDate keptUntil) {

    public enum Outcome {
        ERASED,
        RESTRICTED,
        KEPT
    }
}
