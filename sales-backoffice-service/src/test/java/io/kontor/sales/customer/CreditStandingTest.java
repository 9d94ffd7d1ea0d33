package io.kontor.sales.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CreditStandingTest {

    private static final UUID A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID B = UUID.fromString("00000000-0000-0000-0000-00000000000b");

    /** Steps, one per word: "overdue:A", "dunned:A:2", "settled:A". The last column is the hold after the last step. */
    static Stream<Arguments> histories() {
        return Stream.of(
                arguments("overdue:A", false),
                arguments("overdue:A dunned:A:1 dunned:A:2", false),
                arguments("overdue:A dunned:A:3", true),
                arguments("dunned:A:3", true),
                arguments("dunned:A:3 settled:A", false),
                arguments("dunned:A:3 overdue:B settled:A", true),
                arguments("dunned:A:3 dunned:B:1 settled:A", true),
                arguments("dunned:A:3 dunned:B:1 settled:A settled:B", false),
                arguments("dunned:A:3 dunned:B:1 settled:B settled:A", false),
                arguments("dunned:A:3 dunned:A:2", true),
                arguments("overdue:A overdue:B settled:A settled:B", false),
                arguments("settled:A", false),
                arguments("dunned:A:3 settled:B", true),
                arguments("dunned:A:3 settled:A overdue:B", false),
                arguments("dunned:A:3 settled:A dunned:B:3", true));
    }

    @ParameterizedTest(name = "{0} → on hold: {1}")
    @MethodSource("histories")
    void a_third_notice_holds_the_customer_until_every_overdue_invoice_is_settled(String history, boolean onHold) {
        CreditStanding standing = CreditStanding.clear();
        for (String step : history.split(" ")) {
            String[] parts = step.split(":");
            UUID invoice = parts[1].equals("A") ? A : B;
            standing = switch (parts[0]) {
                case "overdue" -> standing.invoiceOverdue(invoice);
                case "dunned" -> standing.dunned(invoice, Integer.parseInt(parts[2]));
                case "settled" -> standing.settled(invoice);
                default -> throw new IllegalArgumentException(step);
            };
        }
        assertThat(standing.onHold()).isEqualTo(onHold);
    }

    @Test
    void a_late_lower_notice_keeps_the_higher_level() {
        CreditStanding standing = CreditStanding.clear().dunned(A, 3).dunned(A, 1);

        assertThat(standing.overdue()).containsEntry(A, 3);
    }

    @Test
    void there_is_no_fourth_dunning_level() {
        assertThatThrownBy(() -> CreditStanding.clear().dunned(A, 4)).isInstanceOf(IllegalArgumentException.class);
    }
}
