package io.kontor.platform.events.sales;

import io.kontor.platform.events.DomainEvent;
import io.kontor.platform.events.EventType;
import java.util.UUID;

/**
 * A customer was registered; accounting keeps it as the buyer of its invoices, project-office for its names.
 * {@code buyerReference} (BT-10, e.g. a Leitweg-ID) is null in events from before it existed.
 */
@EventType(value = CustomerRegistered.TYPE, topic = CustomerRegistered.TOPIC)
public record CustomerRegistered(
        UUID customerId,
        String customerNumber,
        String name,
        CustomerType type,
        String email,
        String vatId,
        int paymentTermDays,
        Address billingAddress,
        String buyerReference)
        implements DomainEvent {

    public CustomerRegistered(
            UUID customerId,
            String customerNumber,
            String name,
            CustomerType type,
            String email,
            String vatId,
            int paymentTermDays,
            Address billingAddress) {
        this(customerId, customerNumber, name, type, email, vatId, paymentTermDays, billingAddress, null);
    }

    public static final String TYPE = "kontor.sales.customer-registered.v1";
    public static final String TOPIC = "sales.customers";

    @Override
    public String aggregateId() {
        return customerId.toString();
    }
}
