package io.kontor.sales.customer;

import io.kontor.platform.events.sales.CustomerType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /customers} and {@code PUT /customers/{id}}. {@code buyerReference} is what the customer wants as
 * BT-10 on e-invoices (the Leitweg-ID of a public buyer); without one, invoices name the customer number.
 * {@code invoiceEmail} is where invoices and dunning notices are mailed when that is not the contact {@code email}.
 */
public record CustomerRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull CustomerType type,
        // @Email alone accepts "someone@localhost"; an invoice address needs a domain with a dot.
        @NotBlank @Size(max = 254) @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+")
        String email,

        @EuVatId @Size(max = 30) String vatId,
        @Min(0) @Max(365) Integer paymentTermDays,
        @NotNull @Valid Address billingAddress,
        @Size(max = 200) String buyerReference,

        @Size(max = 254) @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+")
        String invoiceEmail) {

    /** API.md: payment terms when the request names none. */
    public static final int DEFAULT_PAYMENT_TERM_DAYS = 14;

    public record Address(
            @NotBlank @Size(max = 200) String street,
            @NotBlank @Size(max = 20) String postalCode,
            @NotBlank @Size(max = 100) String city,
            @NotBlank @CountryCode String country) {}

    int paymentTermDaysOrDefault() {
        return paymentTermDays == null ? DEFAULT_PAYMENT_TERM_DAYS : paymentTermDays;
    }
}
