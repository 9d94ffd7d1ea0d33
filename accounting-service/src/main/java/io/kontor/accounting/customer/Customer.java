package io.kontor.accounting.customer;

import io.kontor.platform.events.sales.Address;
import io.kontor.platform.events.sales.CustomerRegistered;
import io.kontor.platform.events.sales.CustomerType;
import io.kontor.platform.events.sales.CustomerUpdated;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * Accounting's read replica of a customer, fed by {@code sales.customers}. Sales owns the master data; this copy is
 * what manual invoices are addressed to and what the customer's balance is shown with.
 */
@Entity
@Table(name = "customer")
public class Customer extends PanacheEntityBase {

    @Id
    public UUID id;

    public String customerNumber;
    public String name;

    @Enumerated(EnumType.STRING)
    public CustomerType type;

    public String email;
    /** Where invoices and dunning notices go when not to {@link #email}; null in replicas of older events. */
    public String invoiceEmail;

    public String vatId;
    public int paymentTermDays;
    public String street;
    public String postalCode;
    public String city;
    public String country;
    public boolean creditHold;
    /** BT-10 of e-invoices to this customer (a Leitweg-ID), or null. */
    public String buyerReference;
    /** ce_time of the event this row reflects. */
    public Instant sourceTime;

    public Instant updatedAt;

    /**
     * Art. 18 GDPR: on the person's erasure request the record is kept for the statutory retention only (§147 AO, §14b
     * UStG), until {@link #restrictedUntil}; null while not restricted.
     */
    public Instant processingRestrictedAt;

    public java.time.LocalDate restrictedUntil;

    /**
     * Whether an event from {@code eventTime} is news to this replica. Events of one customer arrive in order (one
     * partition per key); only a dead letter replayed later can be older than what is already applied.
     */
    public boolean isOlderThanReplica(Instant eventTime) {
        return eventTime != null && sourceTime != null && eventTime.isBefore(sourceTime);
    }

    void apply(CustomerRegistered registered, Instant eventTime, Instant now) {
        apply(
                registered.customerNumber(),
                registered.name(),
                registered.type(),
                registered.email(),
                registered.vatId(),
                registered.paymentTermDays(),
                registered.billingAddress(),
                registered.buyerReference(),
                registered.invoiceEmail(),
                creditHold,
                eventTime,
                now);
    }

    void apply(CustomerUpdated updated, Instant eventTime, Instant now) {
        apply(
                updated.customerNumber(),
                updated.name(),
                updated.type(),
                updated.email(),
                updated.vatId(),
                updated.paymentTermDays(),
                updated.billingAddress(),
                updated.buyerReference(),
                updated.invoiceEmail(),
                updated.creditHold(),
                eventTime,
                now);
    }

    private void apply(
            String customerNumber,
            String name,
            CustomerType type,
            String email,
            String vatId,
            int paymentTermDays,
            Address address,
            String buyerReference,
            String invoiceEmail,
            boolean creditHold,
            Instant eventTime,
            Instant now) {
        this.customerNumber = customerNumber;
        this.name = name;
        this.type = type;
        this.email = email;
        this.vatId = vatId;
        this.paymentTermDays = paymentTermDays;
        this.street = address == null ? null : address.street();
        this.postalCode = address == null ? null : address.postalCode();
        this.city = address == null ? null : address.city();
        this.country = address == null ? null : address.country();
        this.buyerReference = buyerReference;
        this.invoiceEmail = invoiceEmail;
        this.creditHold = creditHold;
        this.sourceTime = eventTime;
        this.updatedAt = now;
    }

    /** Where this customer's invoices and dunning notices are mailed. */
    public String invoiceAddress() {
        return invoiceEmail == null || invoiceEmail.isBlank() ? email : invoiceEmail;
    }

    public Address billingAddress() {
        return new Address(street, postalCode, city, country);
    }
}
