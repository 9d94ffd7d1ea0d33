package io.kontor.sales.customer;

import io.kontor.platform.events.sales.CustomerRegistered;
import io.kontor.platform.events.sales.CustomerSnapshot;
import io.kontor.platform.events.sales.CustomerType;
import io.kontor.platform.events.sales.CustomerUpdated;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Someone sales makes offers to and accounting invoices; the master record of the customer in Kontor. */
@Entity
@Table(name = "customer")
public class Customer extends PanacheEntityBase {

    @Id
    public UUID id;
    /** "K-000001": gapless, assigned by {@link CustomerNumbers}, never changed. */
    @Column(nullable = false, unique = true, length = 20)
    public String customerNumber;

    @Column(nullable = false, length = 200)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public CustomerType type;

    /** The contact: offers go here, invoices and dunning notices too unless {@link #invoiceEmail} is set. */
    @Column(nullable = false, length = 254)
    public String email;
    /** The customer's accounts-payable mailbox for invoices and dunning notices, or null. */
    @Column(length = 254)
    public String invoiceEmail;
    /** Normalised ({@link VatIdFormat#normalize}), or null. */
    @Column(length = 20)
    public String vatId;

    @Column(nullable = false)
    public int paymentTermDays;

    @Embedded
    public BillingAddress billingAddress;
    /** BT-10 of its e-invoices: the customer's own reference, for a public buyer the Leitweg-ID; or null. */
    @Column(length = 200)
    public String buyerReference;
    /** Set while the customer is in dunning level 3 (accounting); no new offers then. */
    /** Issuer and subject of whoever registered it ({@code CallerId}); a front-office system offers only to its own. */
    @Column(length = 255)
    public String registeredBy;

    @Column(nullable = false)
    public boolean creditHold;

    /** VIES's last answer about {@link #vatId}; null when never asked or the id changed since. */
    public Boolean vatIdValid;

    public java.time.LocalDate vatIdCheckedOn;

    @Column(length = 500)
    public String vatIdRegisteredName;

    @Column(length = 1000)
    public String vatIdRegisteredAddress;
    /** VIES's consultation number, the proof of a qualified confirmation. */
    @Column(length = 100)
    public String vatIdRequestIdentifier;

    @Column(nullable = false)
    public Instant createdAt;

    @Column(nullable = false)
    public Instant updatedAt;

    /**
     * Art. 18 GDPR: kept for the statutory retention only, until {@link #restrictedUntil}; null while not restricted.
     */
    public Instant processingRestrictedAt;

    public java.time.LocalDate restrictedUntil;

    /** When the person's data was erased on request (Art. 17 GDPR): the row keeps only number and id. */
    public Instant erasedAt;

    /** The billing data as events carry it; equal snapshots mean nothing a replica keeps has changed. */
    public CustomerSnapshot snapshot() {
        return new CustomerSnapshot(
                customerNumber,
                name,
                type,
                email,
                vatId,
                paymentTermDays,
                billingAddress.toAddress(),
                buyerReference,
                invoiceEmail);
    }

    CustomerRegistered registered() {
        return new CustomerRegistered(
                id,
                customerNumber,
                name,
                type,
                email,
                vatId,
                paymentTermDays,
                billingAddress.toAddress(),
                buyerReference,
                invoiceEmail);
    }

    CustomerUpdated updated() {
        return new CustomerUpdated(
                id,
                customerNumber,
                name,
                type,
                email,
                vatId,
                paymentTermDays,
                billingAddress.toAddress(),
                creditHold,
                buyerReference,
                invoiceEmail);
    }
}
