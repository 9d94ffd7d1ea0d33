package io.kontor.sales.offer;

/**
 * Where an offer is in its life. A draft is sent; a sent offer is accepted, rejected, expires after its
 * {@code validUntil}, or is superseded by its next revision when sales changes it. Those four are final. A draft that
 * the legal-review rules hold back is IN_REVIEW until legal approves or rejects it; sales then sends an approved one or
 * returns it to DRAFT (issue #18). A draft with a discount above the four-eyes threshold waits PENDING_APPROVAL for a
 * second person: DISCOUNT_APPROVED it can be sent (or still held for legal review), rejected it is a DRAFT again (issue
 * #20, {@link OfferDiscountApproval}).
 */
public enum OfferStatus {
    DRAFT,
    SENT,
    ACCEPTED,
    REJECTED,
    EXPIRED,
    SUPERSEDED,
    IN_REVIEW,
    REVIEW_APPROVED,
    REVIEW_REJECTED,
    PENDING_APPROVAL,
    DISCOUNT_APPROVED;

    public boolean canBecome(OfferStatus next) {
        return switch (this) {
            case DRAFT -> next == SENT || next == IN_REVIEW || next == PENDING_APPROVAL;
            case PENDING_APPROVAL -> next == DISCOUNT_APPROVED || next == DRAFT;
            case DISCOUNT_APPROVED -> next == SENT || next == IN_REVIEW || next == DRAFT;
            case IN_REVIEW -> next == REVIEW_APPROVED || next == REVIEW_REJECTED;
            case REVIEW_APPROVED -> next == SENT || next == DRAFT;
            case REVIEW_REJECTED -> next == DRAFT;
            case SENT -> next == ACCEPTED || next == REJECTED || next == EXPIRED || next == SUPERSEDED;
            case ACCEPTED, REJECTED, EXPIRED, SUPERSEDED -> false;
        };
    }
}
