package io.kontor.process.audit;

/**
 * The outcome of recomputing the chain: {@code intact} and how many entries hold, or the first broken link. An auditor
 * trusts the entries up to {@code verifiedEntries}; from the broken one on, nothing.
 */
public record Verification(boolean intact, long verifiedEntries, long entries, BrokenLink firstBroken) {

    public record BrokenLink(long seq, String eventId, String eventType, String reason) {
        static BrokenLink of(AuditEntry entry, String reason) {
            return new BrokenLink(entry.seq, entry.eventId, entry.eventType, reason);
        }
    }
}
