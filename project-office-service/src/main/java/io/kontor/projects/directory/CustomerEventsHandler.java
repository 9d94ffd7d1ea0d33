package io.kontor.projects.directory;

import io.kontor.platform.events.IncomingEvent;
import io.kontor.platform.events.sales.CustomerRegistered;
import io.kontor.platform.events.sales.CustomerUpdated;
import io.kontor.platform.inbox.InboxHandled;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps customer names current from sales; the events of one customer arrive in order (record key = customer id). */
@ApplicationScoped
public class CustomerEventsHandler {

    @Incoming("sales-customers")
    @Blocking
    @InboxHandled
    void on(IncomingEvent event) {
        if (event.is(CustomerRegistered.class)) {
            CustomerRegistered registered = event.data(CustomerRegistered.class);
            Customer.remember(registered.customerId(), registered.customerNumber(), registered.name(), false);
        } else if (event.is(CustomerUpdated.class)) {
            CustomerUpdated updated = event.data(CustomerUpdated.class);
            Customer.remember(updated.customerId(), updated.customerNumber(), updated.name(), false);
        }
    }
}
