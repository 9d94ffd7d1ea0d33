package io.kontor.accounting.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PaymentAllocationTest {

    @ParameterizedTest(name = "{0} against fees {1}, interest {2}, principal {3} -> {4} / {5} / {6}, surplus {7}")
    @CsvSource({
        // paid,   open fees, open interest, open principal | to fees, to interest, to principal, surplus
        "119.00,   0.00,      0.00,          119.00,          0.00,    0.00,        119.00,       0.00", // plain
        // payment in
        // full
        "50.00,    0.00,      0.00,          119.00,          0.00,    0.00,        50.00,        0.00", // partial
        "30.00,    40.00,     3.17,          1190.00,         30.00,   0.00,        0.00,         0.00", // not even the
        // costs
        "41.00,    40.00,     3.17,          1190.00,         40.00,   1.00,        0.00,         0.00", // costs, then
        // interest
        "100.00,   40.00,     3.17,          1190.00,         40.00,   3.17,        56.83,        0.00", // costs,
        // interest,
        // then
        // principal
        "1233.17,  40.00,     3.17,          1190.00,         40.00,   3.17,        1190.00,      0.00", // exactly
        // everything
        "1300.00,  40.00,     3.17,          1190.00,         40.00,   3.17,        1190.00,      66.83", // overpaid:
        // credit
        "25.00,    0.00,      0.00,          0.00,            0.00,    0.00,        0.00,         25.00", // nothing
        // owed: all
        // credit
        "0.01,     5.00,      0.42,          10.00,           0.01,    0.00,        0.00,         0.00",
    })
    void a_payment_pays_costs_then_interest_then_principal_and_keeps_the_rest_as_credit(
            String paid,
            String fees,
            String interest,
            String principal,
            String toFees,
            String toInterest,
            String toPrincipal,
            String surplus) {
        PaymentAllocation allocation = PaymentAllocation.of(
                new BigDecimal(paid),
                new OpenClaim(new BigDecimal(fees), new BigDecimal(interest), new BigDecimal(principal)));

        assertThat(allocation)
                .isEqualTo(new PaymentAllocation(
                        new BigDecimal(toFees),
                        new BigDecimal(toInterest),
                        new BigDecimal(toPrincipal),
                        new BigDecimal(surplus)));
        assertThat(allocation.applied().add(allocation.surplus()))
                .as("no cent lost or made")
                .isEqualByComparingTo(paid);
    }

    @Test
    void a_payment_of_nothing_or_less_is_refused() {
        OpenClaim claim = new OpenClaim(BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("10.00"));

        assertThatThrownBy(() -> PaymentAllocation.of(BigDecimal.ZERO, claim))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PaymentAllocation.of(new BigDecimal("-1.00"), claim))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_claim_cannot_be_negative() {
        assertThatThrownBy(() -> new OpenClaim(new BigDecimal("-0.01"), BigDecimal.ZERO, BigDecimal.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
