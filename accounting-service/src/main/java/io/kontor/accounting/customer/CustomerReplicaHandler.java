package io.kontor.accounting.customer;

import io.kontor.accounting.AccountingCalendar;
import io.kontor.platform.events.IncomingEvent;
import io.kontor.platform.events.sales.CustomerRegistered;
import io.kontor.platform.events.sales.CustomerUpdated;
import io.kontor.platform.inbox.InboxHandled;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.Consumer;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/** Keeps the customer replica in step with sales: every event carries the whole customer, so it is an upsert. */
@ApplicationScoped
public class CustomerReplicaHandler {

    private static final Logger LOG = Logger.getLogger(CustomerReplicaHandler.class);

    @Inject
    AccountingCalendar calendar;

    @Incoming("sales-customers")
    @Blocking
    @InboxHandled
    void on(IncomingEvent event) {
        if (event.is(CustomerRegistered.class)) {
            CustomerRegistered registered = event.data(CustomerRegistered.class);
            upsert(
                    registered.customerId(),
                    event,
                    customer -> customer.apply(registered, timeOf(event), calendar.now()));
        } else if (event.is(CustomerUpdated.class)) {
            CustomerUpdated updated = event.data(CustomerUpdated.class);
            upsert(updated.customerId(), event, customer -> customer.apply(updated, timeOf(event), calendar.now()));
        }
    }

    private void upsert(UUID customerId, IncomingEvent event, Consumer<Customer> change) {
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

    private static Instant timeOf(IncomingEvent event) {
        OffsetDateTime time = event.time();
        return time == null ? null : time.toInstant();
    }
}
