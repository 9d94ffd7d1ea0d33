package io.kontor.legal.cases;

import java.util.EnumSet;
import java.util.Set;

/**
 * How a matter ended. A collection case ends PAID, PARTIALLY_PAID or WRITTEN_OFF (accounting acts on it); the others
 * end SETTLED (Vergleich), WON, LOST, WITHDRAWN, or NO_ACTION (a watch whose period lapsed without a claim).
 */
public enum CaseResult {
    PAID,
    PARTIALLY_PAID,
    WRITTEN_OFF,
    SETTLED,
    WON,
    LOST,
    WITHDRAWN,
    NO_ACTION;

    private static final Set<CaseResult> COLLECTION = EnumSet.of(PAID, PARTIALLY_PAID, WRITTEN_OFF);

    /** The results a matter of this kind may end with. */
    public static Set<CaseResult> allowedFor(CaseKind kind) {
        return kind == CaseKind.COLLECTION ? COLLECTION : EnumSet.complementOf(EnumSet.copyOf(COLLECTION));
    }
}
