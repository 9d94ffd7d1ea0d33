package io.kontor.sales.offer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OfferInvoicesTest {

    private static final UUID FIRST = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID SECOND = UUID.fromString("00000000-0000-0000-0000-000000000002");

    /** What accounting reported, in order ("issued:1 paid:1"), and whether the offer is paid afterwards. */
    static Stream<Arguments> reports() {
        return Stream.of(
                arguments("issued:1", false, 1),
                arguments("issued:1 paid:1", true, 1),
                arguments("paid:1", true, 1),
                arguments("issued:1 paid:1 paid:1", true, 1),
                arguments("issued:1 paid:1 issued:2", false, 2),
                arguments("issued:1 paid:1 issued:2 paid:2", true, 2),
                arguments("issued:1 cancelled:1", false, 1),
                arguments("issued:1 paid:1 cancelled:1", false, 1),
                arguments("issued:1 cancelled:1 issued:2 paid:2", true, 2),
                arguments("issued:1 paid:1 issued:1", true, 1));
    }

    @ParameterizedTest(name = "{0} → paid: {1}")
    @MethodSource("reports")
    void an_offer_is_paid_when_all_its_invoices_that_still_count_are_paid(String reports, boolean paid, int invoices) {
        Offer offer = new Offer();
        for (String report : reports.split(" ")) {
            String[] parts = report.split(":");
            UUID invoice = parts[1].equals("1") ? FIRST : SECOND;
            String number = "RE-2026-00000" + parts[1];
            switch (parts[0]) {
                case "issued" -> offer.invoiceIssued(invoice, number, Instant.EPOCH);
                case "paid" -> offer.invoicePaid(invoice, number, Instant.EPOCH);
                case "cancelled" -> offer.invoiceCancelled(invoice, number, Instant.EPOCH);
                default -> throw new IllegalArgumentException(report);
            }
        }
        assertThat(offer.paid).isEqualTo(paid);
        assertThat(offer.invoices).hasSize(invoices);
    }
}
