package io.kontor.sales.offer;

import io.kontor.sales.review.OfferReviewEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** Legal's review of an offer held before sending (issue #18): its decision, and sales taking the offer back. */
@ApplicationScoped
public class OfferReviews {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(OfferReviews.class);

    @Inject
    Clock clock;

    /** Legal's decision (legal.reviews); an offer no longer in review (or unknown) ignores it, said in the log. */
    @Transactional
    public void reviewDecided(UUID id, boolean approved, String comment, String reviewer, Instant at) {
        Offer offer = Offer.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (offer == null || offer.status != OfferStatus.IN_REVIEW) {
            LOG.infof("review decision for offer %s ignored: it is %s", id, offer == null ? "unknown" : offer.status);
            return;
        }
        offer.reviewDecided(approved);
        OfferReviewEntry.of(
                        offer.id,
                        approved ? OfferReviewEntry.Kind.APPROVED : OfferReviewEntry.Kind.REJECTED,
                        null,
                        comment,
                        reviewer,
                        at)
                .persist();
    }

    /** After legal's decision sales changes the offer: back to DRAFT, where it is changed and sent (reviewed) again. */
    @Transactional
    public Offer returnToDraft(UUID id, String caller) {
        Offer offer = Offer.locked(id);
        offer.returnToDraft();
        OfferReviewEntry.of(offer.id, OfferReviewEntry.Kind.RETURNED_TO_DRAFT, null, null, caller, Instant.now(clock))
                .persist();
        return offer;
    }
}
