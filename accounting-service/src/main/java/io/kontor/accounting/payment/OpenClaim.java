package io.kontor.accounting.payment;

import java.math.BigDecimal;

/** What a debtor still owes on one invoice, by the kinds of debt §367 BGB ranks: costs (fees), interest, principal. */
public record OpenClaim(BigDecimal fees, BigDecimal interest, BigDecimal principal) {

    public OpenClaim {
        requireNotNegative("fees", fees);
        requireNotNegative("interest", interest);
        requireNotNegative("principal", principal);
    }

    public BigDecimal total() {
        return fees.add(interest).add(principal);
    }

    public boolean isSettled() {
        return total().signum() == 0;
    }

    private static void requireNotNegative(String what, BigDecimal amount) {
        if (amount == null || amount.signum() < 0) {
            throw new IllegalArgumentException(what + " of a claim must be zero or more, is " + amount);
        }
    }
}
