package io.kontor.sales.customer;

import io.kontor.platform.events.sales.Address;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Where a customer's invoices go. */
@Embeddable
public class BillingAddress {

    @Column(name = "billing_street", nullable = false, length = 200)
    public String street;

    @Column(name = "billing_postal_code", nullable = false, length = 20)
    public String postalCode;

    @Column(name = "billing_city", nullable = false, length = 100)
    public String city;
    /** ISO 3166-1 alpha-2. */
    @Column(name = "billing_country", nullable = false, length = 2)
    public String country;

    public Address toAddress() {
        return new Address(street, postalCode, city, country);
    }
}
