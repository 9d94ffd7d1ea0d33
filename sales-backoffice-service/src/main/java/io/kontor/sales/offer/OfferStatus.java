package io.kontor.sales.offer;

/**
 * Where an offer is in its life. A draft is sent; a sent offer is accepted, rejected, or expires after its
 * {@code validUntil}. The last three are final: a changed offer is a new offer.
 */
public enum OfferStatus {
    DRAFT,
    SENT,
    ACCEPTED,
    REJECTED,
    EXPIRED;

    public boolean canBecome(OfferStatus next) {
        return switch (this) {
            case DRAFT -> next == SENT;
            case SENT -> next == ACCEPTED || next == REJECTED || next == EXPIRED;
            case ACCEPTED, REJECTED, EXPIRED -> false;
        };
    }
}
