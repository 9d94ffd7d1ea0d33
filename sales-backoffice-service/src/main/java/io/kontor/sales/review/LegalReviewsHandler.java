package io.kontor.sales.review;

import io.kontor.platform.events.EventMeta;
import io.kontor.platform.events.EventRoutes;
import io.kontor.platform.events.IncomingEvent;
import io.kontor.platform.events.legal.OfferReviewApproved;
import io.kontor.platform.events.legal.OfferReviewRejected;
import io.kontor.platform.inbox.InboxHandled;
import io.kontor.sales.offer.OfferReviews;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Legal's decisions on offers held for review (EVENTS.md, {@code legal.reviews}), once each through the inbox. */
@ApplicationScoped
@Unremovable
public class LegalReviewsHandler {

    private static final EventRoutes<LegalReviewsHandler> ROUTES = EventRoutes.of(LegalReviewsHandler.class)
            .on(OfferReviewApproved.class, LegalReviewsHandler::approved)
            .on(OfferReviewRejected.class, LegalReviewsHandler::rejected);

    @Inject
    OfferReviews reviews;

    @InboxHandled(topics = "legal.reviews")
    void on(IncomingEvent event) {
        ROUTES.dispatch(this, event);
    }

    void approved(OfferReviewApproved approved, EventMeta meta) {
        reviews.reviewDecided(approved.offerId(), true, approved.comment(), approved.reviewer(), approved.decidedAt());
    }

    void rejected(OfferReviewRejected rejected, EventMeta meta) {
        reviews.reviewDecided(rejected.offerId(), false, rejected.comment(), rejected.reviewer(), rejected.decidedAt());
    }
}
