package io.kontor.sales.offer;

/**
 * Where an offer is in its life. A draft is sent; a sent offer is accepted, rejected, expires after its
 * {@code validUntil}, or is superseded by its next revision when sales changes it. Those four are final.
 */
public enum OfferStatus {
    DRAFT,
    SENT,
    ACCEPTED,
    REJECTED,
    EXPIRED,
    SUPERSEDED;

    public boolean canBecome(OfferStatus next) {
        return switch (this) {
            case DRAFT -> next == SENT;
            case SENT -> next == ACCEPTED || next == REJECTED || next == EXPIRED || next == SUPERSEDED;
            case ACCEPTED, REJECTED, EXPIRED, SUPERSEDED -> false;
        };
    }
}
