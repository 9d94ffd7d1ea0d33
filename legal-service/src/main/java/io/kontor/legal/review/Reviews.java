package io.kontor.legal.review;

import io.kontor.platform.events.legal.OfferReviewApproved;
import io.kontor.platform.events.legal.OfferReviewRejected;
import io.kontor.platform.outbox.Outbox;
import io.kontor.platform.persistence.Found;
import io.kontor.platform.problem.ConflictProblem;
import io.kontor.platform.problem.InvalidFieldProblem;
import io.kontor.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.UUID;

/** Legal's decision on an offer held for review; sales learns it from legal.reviews. */
@ApplicationScoped
public class Reviews {

    @Inject
    BusinessCalendar calendar;

    @Inject
    Outbox outbox;

    @Transactional
    public OfferReview approve(UUID id, String comment, String reviewer) {
        OfferReview review = pending(id);
        decide(review, OfferReview.Status.APPROVED, comment, reviewer);
        outbox.publish(new OfferReviewApproved(
                review.id,
                review.offerId,
                review.offerNumber,
                review.revision,
                review.comment,
                reviewer,
                review.decidedAt));
        return review;
    }

    /** A rejection says why: sales must know what to change. */
    @Transactional
    public OfferReview reject(UUID id, String comment, String reviewer) {
        if (comment == null || comment.isBlank()) {
            throw new InvalidFieldProblem("comment", "a rejection says why, so that sales knows what to change");
        }
        OfferReview review = pending(id);
        decide(review, OfferReview.Status.REJECTED, comment, reviewer);
        outbox.publish(new OfferReviewRejected(
                review.id,
                review.offerId,
                review.offerNumber,
                review.revision,
                review.comment,
                reviewer,
                review.decidedAt));
        return review;
    }

    /** Locked first: two lawyers deciding at once see each other's decision, and the second gets a 409. */
    private static OfferReview pending(UUID id) {
        Found.byId(OfferReview.class, id, "offer review");
        OfferReview review = OfferReview.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (review.status != OfferReview.Status.PENDING) {
            throw new ConflictProblem("the review of offer " + review.offerNumber + " is " + review.status
                    + " already; the offer is no longer in review");
        }
        return review;
    }

    private void decide(OfferReview review, OfferReview.Status status, String comment, String reviewer) {
        review.status = status;
        review.comment = comment == null || comment.isBlank() ? null : comment.strip();
        review.decidedBy = reviewer;
        review.decidedAt = calendar.now();
    }
}
