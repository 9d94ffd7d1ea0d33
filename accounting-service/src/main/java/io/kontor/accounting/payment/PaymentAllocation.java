package io.kontor.accounting.payment;

import java.math.BigDecimal;

/**
 * How one payment settles one invoice. §367 (1) BGB: a payment that does not cover everything owed pays the costs
 * first, then the interest, and the principal last. Dunning fees and the §288 (5) flat fee are costs. What exceeds the
 * whole claim is {@code surplus}: the customer's money, kept as credit, never silently absorbed.
 */
public record PaymentAllocation(BigDecimal fees, BigDecimal interest, BigDecimal principal, BigDecimal surplus) {

    public static PaymentAllocation of(BigDecimal amount, OpenClaim claim) {
        if (amount == null || amount.signum() <= 0) {
            throw new IllegalArgumentException("a payment must be positive, is " + amount);
        }
        BigDecimal left = amount;
        BigDecimal fees = left.min(claim.fees());
        left = left.subtract(fees);
        BigDecimal interest = left.min(claim.interest());
        left = left.subtract(interest);
        BigDecimal principal = left.min(claim.principal());
        left = left.subtract(principal);
        return new PaymentAllocation(fees, interest, principal, left);
    }

    /** The part that went to the invoice (everything but the surplus). */
    public BigDecimal applied() {
        return fees.add(interest).add(principal);
    }
}
