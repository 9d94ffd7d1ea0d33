package io.kontor.sales.customer;

import io.kontor.platform.events.sales.Address;
import io.kontor.platform.events.sales.CustomerType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A customer as the API shows it. */
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
        String buyerReference,
        boolean creditHold,
        VatIdCheck vatIdConfirmation,
        Instant createdAt,
        Instant updatedAt) {

    /** VIES's last answer about the VAT id; null when never asked or the id changed since. */
    public record VatIdCheck(
            boolean valid,
            LocalDate checkedOn,
            String registeredName,
            String registeredAddress,
            String requestIdentifier) {}

    public static CustomerView of(Customer customer) {
        return new CustomerView(
                customer.id,
                customer.customerNumber,
                customer.name,
                customer.type,
                customer.email,
                customer.invoiceEmail,
                customer.vatId,
                customer.paymentTermDays,
                customer.billingAddress.toAddress(),
                customer.buyerReference,
                customer.creditHold,
                customer.vatIdValid == null
                        ? null
                        : new VatIdCheck(
                                customer.vatIdValid,
                                customer.vatIdCheckedOn,
                                customer.vatIdRegisteredName,
                                customer.vatIdRegisteredAddress,
                                customer.vatIdRequestIdentifier),
                customer.createdAt,
                customer.updatedAt);
    }
}
