package io.kontor.sales.customer;

import io.kontor.platform.events.sales.Address;
import io.kontor.platform.events.sales.CustomerType;
import java.time.Instant;
import java.util.UUID;

/** A customer as the API shows it. */
public record CustomerView(
        UUID id,
        String customerNumber,
        String name,
        CustomerType type,
        String email,
        String vatId,
        int paymentTermDays,
        Address billingAddress,
        String buyerReference,
        boolean creditHold,
        Instant createdAt,
        Instant updatedAt) {

    public static CustomerView of(Customer customer) {
        return new CustomerView(
                customer.id,
                customer.customerNumber,
                customer.name,
                customer.type,
                customer.email,
                customer.vatId,
                customer.paymentTermDays,
                customer.billingAddress.toAddress(),
                customer.buyerReference,
                customer.creditHold,
                customer.createdAt,
                customer.updatedAt);
    }
}
