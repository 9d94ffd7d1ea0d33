package io.kontor.accounting.payment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * Money of the customer's that settles no invoice (an overpayment): a liability of ours, kept until it is paid back or
 * set off. One row per movement (an overpayment adds, a set-off or refund uses), so the balance can always be
 * explained.
 */
@Entity
@Table(name = "customer_credit")
public class CustomerCredit extends PanacheEntityBase {

    /** Why the credit moved: positive kinds add to it, negative ones use it. */
    public enum Kind {
        OVERPAYMENT,
        SET_OFF,
        REFUND,
        REVERSAL,
        /** A partial credit note on an invoice paid beyond what was still open: owed back to the customer. */
        CREDIT_NOTE
    }

    @Id
    public UUID id;

    public UUID customerId;
    public BigDecimal amount;
    public String currency;
    public UUID paymentId;
    public String reason;
    public Instant createdAt;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Kind kind = Kind.OVERPAYMENT;

    static CustomerCredit of(
            UUID customerId, BigDecimal amount, String currency, UUID paymentId, String reason, Instant now) {
        return of(Kind.OVERPAYMENT, customerId, amount, currency, paymentId, reason, now);
    }

    static CustomerCredit of(
            Kind kind,
            UUID customerId,
            BigDecimal amount,
            String currency,
            UUID paymentId,
            String reason,
            Instant now) {
        CustomerCredit credit = new CustomerCredit();
        credit.id = UUID.randomUUID();
        credit.customerId = customerId;
        credit.amount = amount;
        credit.currency = currency;
        credit.paymentId = paymentId;
        credit.reason = reason;
        credit.createdAt = now;
        credit.kind = kind;
        return credit;
    }

    /**
     * The part of a partial credit note that exceeded what was still open on its (paid) invoice: money we owe back, set
     * off against the next due invoice or refunded like any other credit. {@code paymentId} stays empty: no payment
     * made it; the credit note's number is in the reason.
     */
    public static CustomerCredit fromCreditNote(
            UUID customerId, BigDecimal amount, String currency, String reason, Instant now) {
        return of(Kind.CREDIT_NOTE, customerId, amount, currency, null, reason, now);
    }

    /** The customer's credit in total (zero when none). */
    public static BigDecimal totalOf(UUID customerId) {
        BigDecimal total = find(
                        "select coalesce(sum(c.amount), 0) from CustomerCredit c where c.customerId = ?1", customerId)
                .project(BigDecimal.class)
                .singleResult();
        return total.setScale(2);
    }
}
