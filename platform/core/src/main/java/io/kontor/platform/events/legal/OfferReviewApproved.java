package io.kontor.platform.events.legal;

import io.kontor.platform.events.DomainEvent;
import io.kontor.platform.events.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * Legal approved an offer held for review: sales may send it now (or return it to DRAFT). {@code comment} is legal's
 * advice, or null.
 */
@EventType(value = OfferReviewApproved.TYPE, topic = OfferReviewApproved.TOPIC)
public record OfferReviewApproved(
        UUID reviewId,
        UUID offerId,
        String offerNumber,
        int revision,
        String comment,
        String reviewer,
        Instant decidedAt)
        implements DomainEvent {

    public static final String TYPE = "kontor.legal.offer-review-approved.v1";
    public static final String TOPIC = "legal.reviews";

    @Override
    public String aggregateId() {
        return offerId.toString();
    }
}
