package io.kontor.legal.review;

import io.kontor.platform.events.EventMeta;
import io.kontor.platform.events.EventRoutes;
import io.kontor.platform.events.IncomingEvent;
import io.kontor.platform.events.sales.OfferLine;
import io.kontor.platform.events.sales.OfferReviewRequested;
import io.kontor.platform.inbox.InboxHandled;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.UUID;

/** Offers sales holds back for review (EVENTS.md, {@code sales.offers}) become PENDING reviews, once per request. */
@ApplicationScoped
@Unremovable
public class OfferReviewRequestedHandler {

    private static final EventRoutes<OfferReviewRequestedHandler> ROUTES = EventRoutes.of(
                    OfferReviewRequestedHandler.class)
            .on(OfferReviewRequested.class, OfferReviewRequestedHandler::requested);

    @InboxHandled(topics = "sales.offers")
    void on(IncomingEvent event) {
        ROUTES.dispatch(this, event);
    }

    void requested(OfferReviewRequested requested, EventMeta meta) {
        if (OfferReview.count("offerId = ?1 and requestedAt = ?2", requested.offerId(), requested.requestedAt()) > 0) {
            return;
        }
        OfferReview review = new OfferReview();
        review.id = UUID.randomUUID();
        review.offerId = requested.offerId();
        review.offerNumber = requested.offerNumber();
        review.revision = requested.revision();
        review.customerId = requested.customerId();
        review.customerName = requested.customerName();
        review.customerCountry = requested.customerCountry();
        review.paymentTermDays = requested.paymentTermDays();
        review.currency = requested.currency();
        review.netTotal = requested.netTotal();
        review.grossTotal = requested.grossTotal();
        review.termsText = requested.termsText();
        review.lines = requested.lines() == null
                ? java.util.List.of()
                : requested.lines().stream()
                        .map(OfferReviewRequestedHandler::line)
                        .toList();
        review.reasons = requested.reasons() == null ? java.util.List.of() : requested.reasons();
        review.requestedBy = requested.requestedBy();
        review.requestedAt = requested.requestedAt();
        review.status = OfferReview.Status.PENDING;
        review.persist();
    }

    private static String line(OfferLine line) {
        BigDecimal discount = line.discountPercent() == null ? BigDecimal.ZERO : line.discountPercent();
        return line.quantity().stripTrailingZeros().toPlainString() + " "
                + (line.unit() == null ? "" : line.unit() + " ")
                + line.description() + " à " + line.unitPrice().toPlainString()
                + (discount.signum() == 0
                        ? ""
                        : ", " + discount.stripTrailingZeros().toPlainString() + " % Rabatt")
                + " = " + line.netAmount().toPlainString();
    }
}
