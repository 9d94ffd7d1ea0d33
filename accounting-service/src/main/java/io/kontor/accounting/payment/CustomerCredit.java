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
        REVERSAL
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

    /** The customer's credit in total (zero when none). */
    public static BigDecimal totalOf(UUID customerId) {
        BigDecimal total = find(
                        "select coalesce(sum(c.amount), 0) from CustomerCredit c where c.customerId = ?1", customerId)
                .project(BigDecimal.class)
                .singleResult();
        return total.setScale(2);
    }
}
