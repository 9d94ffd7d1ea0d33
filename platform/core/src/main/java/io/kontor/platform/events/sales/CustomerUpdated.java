package io.kontor.platform.events.sales;

import io.kontor.platform.events.DomainEvent;
import io.kontor.platform.events.EventType;
import java.util.UUID;

/**
 * The customer master data changed; carries the whole new state so a replica never needs the old one.
 * {@code invoiceEmail} (where invoices and dunning notices go, when not to {@code email}) is null in events from before
 * it existed.
 */
@EventType(value = CustomerUpdated.TYPE, topic = CustomerUpdated.TOPIC)
public record CustomerUpdated(
        UUID customerId,
        String customerNumber,
        String name,
        CustomerType type,
        String email,
        String vatId,
        int paymentTermDays,
        Address billingAddress,
        boolean creditHold,
        String buyerReference,
        String invoiceEmail)
        implements DomainEvent {

    public CustomerUpdated(
            UUID customerId,
            String customerNumber,
            String name,
            CustomerType type,
            String email,
            String vatId,
            int paymentTermDays,
            Address billingAddress,
            boolean creditHold,
            String buyerReference) {
        this(
                customerId,
                customerNumber,
                name,
                type,
                email,
                vatId,
                paymentTermDays,
                billingAddress,
                creditHold,
                buyerReference,
                null);
    }

    public CustomerUpdated(
            UUID customerId,
            String customerNumber,
            String name,
            CustomerType type,
            String email,
            String vatId,
            int paymentTermDays,
            Address billingAddress,
            boolean creditHold) {
        this(customerId, customerNumber, name, type, email, vatId, paymentTermDays, billingAddress, creditHold, null);
    }

    public static final String TYPE = "kontor.sales.customer-updated.v1";
    public static final String TOPIC = "sales.customers";

    @Override
    public String aggregateId() {
        return customerId.toString();
    }
}
