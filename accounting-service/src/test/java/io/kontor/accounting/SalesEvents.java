package io.kontor.accounting;

import static org.awaitility.Awaitility.await;

import io.kontor.accounting.customer.Customer;
import io.kontor.platform.events.DomainEvent;
import io.kontor.platform.events.sales.Address;
import io.kontor.platform.events.sales.CustomerRegistered;
import io.kontor.platform.events.sales.CustomerSnapshot;
import io.kontor.platform.events.sales.CustomerType;
import io.kontor.testing.TestEvents;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Plays the sales service in tests: puts its events on Kafka as CloudEvents, the way the platform's outbox would. */
@ApplicationScoped
public class SalesEvents {

    public static final String SERVICE = "sales-backoffice-service";
    public static final String SOURCE = "/kontor/" + SERVICE;
    public static final Address BERLIN = new Address("Unter den Linden 1", "10117", "Berlin", "DE");

    @Inject
    TestEvents events;

    /** Sends {@code event} with a new ce_id; returns the ce_id. */
    public String send(DomainEvent event) {
        return events.send(SERVICE, event);
    }

    public String send(DomainEvent event, String eventId, Instant time) {
        return events.send(SERVICE, event, eventId, time);
    }

    public static Map<String, String> headers(String type, String eventId, String subject, Instant time) {
        return TestEvents.headers(SERVICE, type, eventId, subject, time);
    }

    public String toJson(Object value) {
        return events.toJson(value);
    }

    public static CustomerRegistered registered(UUID customerId, String name, int paymentTermDays) {
        return new CustomerRegistered(
                customerId,
                "K-" + customerId.toString().substring(0, 8),
                name,
                CustomerType.BUSINESS,
                "billing@" + customerId.toString().substring(0, 8) + ".example",
                "DE123456789",
                paymentTermDays,
                BERLIN);
    }

    public static CustomerSnapshot snapshot(CustomerRegistered customer) {
        return new CustomerSnapshot(
                customer.customerNumber(),
                customer.name(),
                customer.type(),
                customer.email(),
                customer.vatId(),
                customer.paymentTermDays(),
                customer.billingAddress());
    }

    /** Registers a customer in sales and waits until accounting's replica has it. */
    public UUID registerCustomer(String name, int paymentTermDays) {
        UUID customerId = UUID.randomUUID();
        send(registered(customerId, name, paymentTermDays));
        await().atMost(Duration.ofSeconds(30)).until(() -> replicaHas(customerId));
        return customerId;
    }

    public static boolean replicaHas(UUID customerId) {
        return QuarkusTransaction.requiringNew().call(() -> Customer.findById(customerId) != null);
    }

    /** Whether the handler recorded the event in its inbox, i.e. has consumed it (applied or skipped). */
    public static boolean consumed(String handler, String eventId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) Panache.getEntityManager()
                                        .createNativeQuery(
                                                "select count(*) from inbox where consumer = ?1 and event_id = ?2")
                                        .setParameter(1, "accounting-service/" + handler)
                                        .setParameter(2, eventId)
                                        .getSingleResult())
                                .longValue()
                        == 1);
    }
}
