package io.kontor.platform.events.legal;

import io.kontor.platform.events.DomainEvent;
import io.kontor.platform.events.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * Legal rejected an offer held for review: sales returns it to DRAFT to change it. {@code comment} says why, as legal
 * wrote it.
 */
@EventType(value = OfferReviewRejected.TYPE, topic = OfferReviewRejected.TOPIC)
public record OfferReviewRejected(
        UUID reviewId,
        UUID offerId,
        String offerNumber,
        int revision,
        String comment,
        String reviewer,
        Instant decidedAt)
        implements DomainEvent {

    public static final String TYPE = "kontor.legal.offer-review-rejected.v1";
    public static final String TOPIC = "legal.reviews";

    @Override
    public String aggregateId() {
        return offerId.toString();
    }
}
