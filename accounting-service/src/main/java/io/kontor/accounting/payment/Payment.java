package io.kontor.accounting.payment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A payment booked against an invoice, with its allocation (§367 BGB). A booking is a fact: never edited or deleted; a
 * wrong one is reversed by a new row with the negated amounts (GoBD), and only {@code reversedBy} is set on it.
 */
@Entity
@Table(name = "payment")
public class Payment extends PanacheEntityBase {

    /** Where a payment was learned of. */
    public enum Source {
        MANUAL,
        BANK_STATEMENT,
        /** The customer's credit set off against the invoice (§387 BGB), no money moved. */
        CREDIT_SET_OFF,
        /** A short payment within the tolerance, written off with its reason; no money moved. */
        WRITE_OFF,
        /**
         * Skonto agreed on the invoice and earned by a payment in time: the consideration is reduced (§17 (1) UStG); no
         * money moved. Names the payment it was granted with in {@code discountFor}.
         */
        SKONTO,
        /** The negation of an earlier booking, which it names in {@code reverses} (GoBD: a correction is a booking). */
        REVERSAL
    }

    @Id
    public UUID id;

    public UUID invoiceId;
    public String invoiceNumber;
    public UUID customerId;
    public BigDecimal amount;
    public String currency;
    public LocalDate valueDate;
    public String payerName;
    public String reference;

    @Enumerated(EnumType.STRING)
    public Source source;

    public BigDecimal toFees;
    public BigDecimal toInterest;
    public BigDecimal toPrincipal;
    public BigDecimal toCredit;
    public Instant bookedAt;
    /** Parts of one receipt (a collective transfer split over several invoices, §366 BGB) share it. */
    public UUID receiptId;
    /** The bank statement entry the money came with, if any. */
    public UUID bankEntryId;
    /** On a reversal: the booking it reverses. */
    public UUID reverses;
    /** On a reversed booking: its reversal. */
    public UUID reversedBy;
    /** Why: the write-off or reversal reason, the set-off's credit. */
    public String note;
    /** On a Skonto booking: the payment that earned it. */
    public UUID discountFor;

    static Payment of(
            UUID invoiceId,
            String invoiceNumber,
            UUID customerId,
            BigDecimal amount,
            String currency,
            LocalDate valueDate,
            String payerName,
            String reference,
            Source source,
            PaymentAllocation allocation,
            Instant now) {
        Payment payment = new Payment();
        payment.id = UUID.randomUUID();
        payment.invoiceId = invoiceId;
        payment.invoiceNumber = invoiceNumber;
        payment.customerId = customerId;
        payment.amount = amount;
        payment.currency = currency;
        payment.valueDate = valueDate;
        payment.payerName = payerName;
        payment.reference = reference;
        payment.source = source;
        payment.toFees = allocation.fees();
        payment.toInterest = allocation.interest();
        payment.toPrincipal = allocation.principal();
        payment.toCredit = allocation.surplus();
        payment.bookedAt = now;
        return payment;
    }
}
