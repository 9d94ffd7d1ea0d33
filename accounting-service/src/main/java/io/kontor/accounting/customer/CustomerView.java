package io.kontor.accounting.customer;

import io.kontor.platform.events.sales.Address;
import io.kontor.platform.events.sales.CustomerType;
import java.util.UUID;

/** A customer as accounting knows it, for the gateway's customer overview. */
public record CustomerView(
        UUID id,
        String customerNumber,
        String name,
        CustomerType type,
        String email,
        String invoiceEmail,
        String vatId,
        int paymentTermDays,
        Address billingAddress,
        boolean creditHold) {

    static CustomerView of(Customer customer) {
        return new CustomerView(
                customer.id,
                customer.customerNumber,
                customer.name,
                customer.type,
                customer.email,
                customer.invoiceEmail,
                customer.vatId,
                customer.paymentTermDays,
                customer.billingAddress(),
                customer.creditHold);
    }
}
