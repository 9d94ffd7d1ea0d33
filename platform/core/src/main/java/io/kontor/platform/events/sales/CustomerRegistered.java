package io.kontor.platform.events.sales;

import io.kontor.platform.events.DomainEvent;
import io.kontor.platform.events.EventType;
import java.util.UUID;

/** A customer was registered; accounting keeps it as the buyer of its invoices, project-office for its names. */
@EventType(value = CustomerRegistered.TYPE, topic = CustomerRegistered.TOPIC)
public record CustomerRegistered(
        UUID customerId,
        String customerNumber,
        String name,
        CustomerType type,
        String email,
        String vatId,
        int paymentTermDays,
        Address billingAddress)
        implements DomainEvent {

    public static final String TYPE = "kontor.sales.customer-registered.v1";
    public static final String TOPIC = "sales.customers";

    @Override
    public String aggregateId() {
        return customerId.toString();
    }
}
