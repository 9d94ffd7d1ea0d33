package io.kontor.accounting.customer;

import io.kontor.platform.events.EventMeta;
import io.kontor.platform.events.EventRoutes;
import io.kontor.platform.events.IncomingEvent;
import io.kontor.platform.events.sales.CustomerRegistered;
import io.kontor.platform.events.sales.CustomerUpdated;
import io.kontor.platform.inbox.InboxHandled;
import io.kontor.platform.time.BusinessCalendar;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/** Keeps the customer replica in step with sales: every event carries the whole customer, so it is an upsert. */
@ApplicationScoped
@Unremovable
public class CustomerReplicaHandler {

    private static final Logger LOG = Logger.getLogger(CustomerReplicaHandler.class);

    @Inject
    BusinessCalendar calendar;

    private static final EventRoutes<CustomerReplicaHandler> ROUTES = EventRoutes.of(CustomerReplicaHandler.class)
            .on(CustomerRegistered.class, CustomerReplicaHandler::registered)
            .on(CustomerUpdated.class, CustomerReplicaHandler::updated);

    @InboxHandled(topics = "sales.customers")
    void on(IncomingEvent event) {
        ROUTES.dispatch(this, event);
    }

    void registered(CustomerRegistered registered, EventMeta meta) {
        upsert(registered.customerId(), meta, customer -> customer.apply(registered, timeOf(meta), calendar.now()));
    }

    void updated(CustomerUpdated updated, EventMeta meta) {
        upsert(updated.customerId(), meta, customer -> customer.apply(updated, timeOf(meta), calendar.now()));
    }

    private void upsert(UUID customerId, EventMeta event, Consumer<Customer> change) {
        if (customerId == null) {
            throw new IllegalArgumentException(event + " names no customerId");
        }
        Customer customer = Customer.findById(customerId);
        if (customer == null) {
            customer = new Customer();
            customer.id = customerId;
            change.accept(customer);
            customer.persist();
        } else if (customer.isOlderThanReplica(timeOf(event))) {
            LOG.infof("%s is older than customer %s in the replica, ignored", event, customerId);
        } else {
            change.accept(customer);
        }
    }

    private static Instant timeOf(EventMeta event) {
        OffsetDateTime time = event.time();
        return time == null ? null : time.toInstant();
    }
}
