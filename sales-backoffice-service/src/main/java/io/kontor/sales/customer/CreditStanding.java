package io.kontor.sales.customer;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Whether a customer gets new offers, from what accounting reports about their invoices. The third dunning notice (the
 * last before collection or court) puts the customer on credit hold; the hold is lifted only when every invoice
 * accounting reported overdue is settled — paid in full or cancelled — not when the dunned one alone is.
 *
 * @param onHold the credit hold as it stands
 * @param overdue the dunning level (0 = overdue, not dunned yet) of every unsettled overdue invoice
 */
public record CreditStanding(boolean onHold, Map<UUID, Integer> overdue) {

    /** Dunning level 3: the last notice before the claim goes to collection. */
    public static final int HOLD_LEVEL = 3;

    public CreditStanding {
        overdue = Map.copyOf(overdue);
    }

    public static CreditStanding clear() {
        return new CreditStanding(false, Map.of());
    }

    public CreditStanding invoiceOverdue(UUID invoiceId) {
        return dunned(invoiceId, 0);
    }

    /** Levels only go up: a late, lower notice does not undo a higher one. */
    public CreditStanding dunned(UUID invoiceId, int level) {
        if (level < 0 || level > HOLD_LEVEL) {
            throw new IllegalArgumentException("dunning levels are 0 to " + HOLD_LEVEL + ", not " + level);
        }
        Map<UUID, Integer> next = new HashMap<>(overdue);
        next.merge(invoiceId, level, Math::max);
        return new CreditStanding(onHold || level >= HOLD_LEVEL, next);
    }

    /** The invoice was paid in full or cancelled: it no longer counts against the customer. */
    public CreditStanding settled(UUID invoiceId) {
        Map<UUID, Integer> next = new HashMap<>(overdue);
        next.remove(invoiceId);
        return new CreditStanding(onHold && !next.isEmpty(), next);
    }
}
