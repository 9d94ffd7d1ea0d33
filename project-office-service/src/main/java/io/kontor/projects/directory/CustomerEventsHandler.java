package io.kontor.projects.directory;

import io.kontor.platform.events.EventMeta;
import io.kontor.platform.events.EventRoutes;
import io.kontor.platform.events.IncomingEvent;
import io.kontor.platform.events.sales.CustomerRegistered;
import io.kontor.platform.events.sales.CustomerUpdated;
import io.kontor.platform.inbox.InboxHandled;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;

/** Keeps customer names current from sales; the events of one customer arrive in order (record key = customer id). */
@ApplicationScoped
@Unremovable
public class CustomerEventsHandler {

    private static final EventRoutes<CustomerEventsHandler> ROUTES = EventRoutes.of(CustomerEventsHandler.class)
            .on(CustomerRegistered.class, CustomerEventsHandler::registered)
            .on(CustomerUpdated.class, CustomerEventsHandler::updated);

    @InboxHandled(topics = "sales.customers")
    void on(IncomingEvent event) {
        ROUTES.dispatch(this, event);
    }

    void registered(CustomerRegistered registered, EventMeta meta) {
        Customer.remember(registered.customerId(), registered.customerNumber(), registered.name(), false);
    }

    void updated(CustomerUpdated updated, EventMeta meta) {
        Customer.remember(updated.customerId(), updated.customerNumber(), updated.name(), false);
    }
}
