package io.kontor.platform.events.sales;

import io.kontor.platform.events.DomainEvent;
import io.kontor.platform.events.EventType;
import java.util.UUID;

/**
 * A customer was registered; accounting keeps it as the buyer of its invoices, project-office for its names.
 * {@code buyerReference} (BT-10, e.g. a Leitweg-ID) is null in events from before it existed; so is
 * {@code invoiceEmail}, the address invoices and dunning notices go to when it is not the contact {@code email}.
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
        String buyerReference,
        String invoiceEmail)
        implements DomainEvent {

    public CustomerRegistered(
            UUID customerId,
            String customerNumber,
            String name,
            CustomerType type,
            String email,
            String vatId,
            int paymentTermDays,
            Address billingAddress,
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
                buyerReference,
                null);
    }

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
