package io.kontor.projects.project;

import io.kontor.platform.events.EventMeta;
import io.kontor.platform.events.EventRoutes;
import io.kontor.platform.events.IncomingEvent;
import io.kontor.platform.events.sales.OfferAccepted;
import io.kontor.platform.inbox.InboxHandled;
import io.kontor.platform.time.BusinessCalendar;
import io.kontor.projects.ProjectsConfig;
import io.kontor.projects.directory.Customer;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/** An accepted offer becomes a project named after the customer and the offer, with a proposed kick-off. */
@ApplicationScoped
@Unremovable
public class OfferAcceptedHandler {

    @Inject
    BusinessCalendar calendar;

    @Inject
    Projects projects;

    @Inject
    Clock clock;

    @Inject
    ProjectsConfig config;

    private static final EventRoutes<OfferAcceptedHandler> ROUTES =
            EventRoutes.of(OfferAcceptedHandler.class).on(OfferAccepted.class, OfferAcceptedHandler::accepted);

    @InboxHandled(topics = "sales.offers")
    void on(IncomingEvent event) {
        ROUTES.dispatch(this, event);
    }

    void accepted(OfferAccepted offer, EventMeta meta) {
        Project existing = Project.findByOffer(offer.offerId());
        if (existing != null) {
            // Opened by hand for this offer before the acceptance arrived: it now knows what its milestones may bill.
            if (existing.offerNetTotal == null) {
                existing.offerBilling =
                        offer.billing() == null ? null : offer.billing().name();
                existing.offerNetTotal = offer.netTotal();
            }
            return;
        }
        // The offer's snapshot may be older than what sales.customers told us: it only fills a gap.
        Customer.remember(
                offer.customerId(),
                offer.customer().customerNumber(),
                offer.customer().name(),
                true);
        String name = offer.customer().name() + " – " + offer.offerNumber();
        projects.open(
                name,
                offer.customerId(),
                offer.offerId(),
                config.defaultManagerEmail(),
                calendar.today(),
                offer.currency(),
                offer.billing() == null ? null : offer.billing().name(),
                offer.netTotal());
    }
}
