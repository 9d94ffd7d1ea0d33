package io.kontor.accounting.invoice;

import io.kontor.accounting.customer.Customer;
import io.kontor.platform.events.sales.Address;
import io.kontor.platform.events.sales.CustomerSnapshot;
import io.kontor.platform.events.sales.CustomerType;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * The customer as an invoice names it. Copied, not referenced: name and address are part of the invoice (§14 (4) Nr. 1
 * UStG) and must not change when the customer moves later. Replaced as a whole, never edited in place.
 */
@Embeddable
public class Buyer {

    @Column(name = "buyer_number")
    public String customerNumber;

    @Column(name = "buyer_name")
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "buyer_type")
    public CustomerType type;

    /** Where the invoice and its dunning notices are mailed: the customer's invoice address, else its contact. */
    @Column(name = "buyer_email")
    public String email;

    @Column(name = "buyer_vat_id")
    public String vatId;

    @Column(name = "buyer_street")
    public String street;

    @Column(name = "buyer_postal_code")
    public String postalCode;

    @Column(name = "buyer_city")
    public String city;

    @Column(name = "buyer_country")
    public String country;
    /** BT-10: the customer's reference for its invoices (a public buyer's Leitweg-ID); null when none. */
    public String buyerReference;

    public static Buyer of(Customer customer) {
        return of(
                customer.customerNumber,
                customer.name,
                customer.type,
                customer.invoiceAddress(),
                customer.vatId,
                customer.billingAddress(),
                customer.buyerReference);
    }

    public static Buyer of(CustomerSnapshot customer) {
        return of(
                customer.customerNumber(),
                customer.name(),
                customer.type(),
                customer.invoiceEmail() == null || customer.invoiceEmail().isBlank()
                        ? customer.email()
                        : customer.invoiceEmail(),
                customer.vatId(),
                customer.billingAddress(),
                customer.buyerReference());
    }

    private static Buyer of(
            String customerNumber,
            String name,
            CustomerType type,
            String email,
            String vatId,
            Address address,
            String buyerReference) {
        Buyer buyer = new Buyer();
        buyer.customerNumber = customerNumber;
        buyer.name = name;
        buyer.type = type;
        buyer.email = email;
        buyer.vatId = vatId;
        buyer.buyerReference = buyerReference;
        if (address != null) {
            buyer.street = address.street();
            buyer.postalCode = address.postalCode();
            buyer.city = address.city();
            buyer.country = address.country();
        }
        return buyer;
    }

    public Buyer copy() {
        return of(customerNumber, name, type, email, vatId, address(), buyerReference);
    }

    public Address address() {
        return new Address(street, postalCode, city, country);
    }
}
