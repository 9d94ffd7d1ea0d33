package io.kontor.productdevelopment.intake;

import io.kontor.platform.events.EventMeta;
import io.kontor.platform.events.EventRoutes;
import io.kontor.platform.events.IncomingEvent;
import io.kontor.platform.events.sales.OfferAccepted;
import io.kontor.platform.events.sales.OfferLine;
import io.kontor.platform.inbox.InboxHandled;
import io.kontor.productdevelopment.ProductDevelopmentConfig;
import io.kontor.productdevelopment.privacy.CustomerNumber;
import io.kontor.productdevelopment.requirement.Requirement;
import io.kontor.productdevelopment.requirement.Requirements;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The lines of an accepted offer that sales marked as customer requirements become DRAFT requirements, with the offer
 * and the line as their source. Once per line: the inbox drops a redelivered event, and a line already filed (the same
 * offer sent again under another event id) is skipped.
 */
@ApplicationScoped
@Unremovable
public class OfferAcceptedHandler {

    @Inject
    Requirements requirements;

    @Inject
    ProductDevelopmentConfig config;

    private static final EventRoutes<OfferAcceptedHandler> ROUTES =
            EventRoutes.of(OfferAcceptedHandler.class).on(OfferAccepted.class, OfferAcceptedHandler::accepted);

    @InboxHandled(topics = "sales.offers")
    void on(IncomingEvent event) {
        ROUTES.dispatch(this, event);
    }

    void accepted(OfferAccepted offer, EventMeta meta) {
        if (offer.customer() != null) {
            CustomerNumber.remember(offer.customerId(), offer.customer().customerNumber());
        }
        List<OfferLine> lines = offer.lines() == null ? List.of() : offer.lines();
        for (int i = 0; i < lines.size(); i++) {
            OfferLine line = lines.get(i);
            int position = i + 1;
            if (!line.customerRequirement() || Requirement.fromOfferLine(offer.offerId(), position) != null) {
                continue;
            }
            String title =
                    line.description().length() > 300 ? line.description().substring(0, 300) : line.description();
            String description = "Angebot %s, Position %d: %s %s %s (%s)"
                    .formatted(
                            offer.offerNumber(),
                            position,
                            line.quantity().stripTrailingZeros().toPlainString(),
                            line.unit(),
                            line.description(),
                            line.sku());
            requirements.file(
                    new Requirements.Content(
                            title, description, Requirement.Kind.FUNCTIONAL, Requirement.Priority.MUST, List.of()),
                    new Requirements.Source(
                            Requirement.SourceKind.OFFER,
                            offer.offerId(),
                            offer.offerNumber(),
                            position,
                            null,
                            offer.customerId(),
                            offer.customer() == null ? null : offer.customer().name()),
                    null,
                    List.of(),
                    config.intakeAuthor());
        }
    }
}
