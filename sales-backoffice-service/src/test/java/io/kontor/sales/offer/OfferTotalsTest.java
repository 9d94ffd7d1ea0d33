package io.kontor.sales.offer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class OfferTotalsTest {

    @ParameterizedTest(name = "{0} × {1} less {2} % = {3}")
    @CsvSource({
        // quantity, unit price, discount %, line net
        "1,     100.00, 0,     100.00",
        "3,     0.35,   0,     1.05",
        "3,     33.33,  10,    89.99", // 89.991
        "1,     10.05,  50,    5.03", // 5.025: half-up, where banker's rounding would give 5.02
        "1,     0.05,   50,    0.03", // 0.025
        "1,     0.01,   50,    0.01", // 0.005
        "1,     0.01,   50.01, 0.00", // 0.004999
        "2.5,   19.99,  0,     49.98", // 49.975
        "0.125, 99.99,  0,     12.50", // 12.49875
        "7,     1.15,   12.5,  7.04", // 7.04375
        "1.5,   0.03,   50,    0.02", // 0.0225 exactly; rounding 0.045 first would give 0.03
        "1.333, 3.00,   0,     4.00", // 3.999
        "10,    99.99,  100,   0.00",
    })
    void a_line_net_is_quantity_times_price_less_discount_rounded_half_up_once(
            String quantity, String unitPrice, String discountPercent, String net) {
        assertThat(OfferTotals.lineNet(
                        new BigDecimal(quantity), new BigDecimal(unitPrice), new BigDecimal(discountPercent)))
                .isEqualTo(new BigDecimal(net));
    }

    static Stream<Arguments> offers() {
        return Stream.of(
                arguments(
                        "one line at each rate", lines("100.00@19", "50.00@7", "20.00@0"), "170.00", "22.50", "192.50"),
                arguments("19 % on 1.50 is 0.285, half-up 0.29", lines("1.50@19"), "1.50", "0.29", "1.79"),
                arguments("7 % on 1.50 is 0.105, half-up 0.11", lines("1.50@7"), "1.50", "0.11", "1.61"),
                arguments(
                        "half-up cents at both rates", lines("1.50@19", "1.50@7", "9.99@0"), "12.99", "0.40", "13.39"),
                arguments(
                        "VAT on the sum per rate (0.0171), not per line (3 × 0.0057)",
                        lines("0.03@19", "0.03@19", "0.03@19"),
                        "0.09",
                        "0.02",
                        "0.11"),
                arguments(
                        "VAT on the sum per rate (0.35), not per line (2 × 0.175)",
                        lines("2.50@7", "2.50@7"),
                        "5.00",
                        "0.35",
                        "5.35"),
                arguments("only tax-free lines", lines("1234.56@0", "0.01@0"), "1234.57", "0.00", "1234.57"),
                arguments(
                        "a large order",
                        lines("98765.43@19", "12345.67@7", "1.11@0"),
                        "111112.21",
                        "19629.63",
                        "130741.84"),
                arguments("no lines", lines(), "0.00", "0.00", "0.00"));
    }

    @ParameterizedTest(name = "{0}: net {2}, VAT {3}, gross {4}")
    @MethodSource("offers")
    void totals_are_net_plus_vat_per_rate_as_on_a_german_invoice(
            String name, List<OfferTotals.Line> lines, String net, String vat, String gross) {
        OfferTotals totals = OfferTotals.of(lines);

        assertThat(totals.netTotal()).isEqualTo(new BigDecimal(net));
        assertThat(totals.vatTotal()).isEqualTo(new BigDecimal(vat));
        assertThat(totals.grossTotal()).isEqualTo(new BigDecimal(gross));
    }

    @Test
    void the_vat_breakdown_lists_each_rate_once_highest_first() {
        OfferTotals totals = OfferTotals.of(lines("20.00@0", "10.00@19", "5.00@7", "30.00@19", "5.00@7"));

        assertThat(totals.vatGroups())
                .containsExactly(
                        new OfferTotals.VatGroup(
                                BigDecimal.valueOf(19), new BigDecimal("40.00"), new BigDecimal("7.60")),
                        new OfferTotals.VatGroup(
                                BigDecimal.valueOf(7), new BigDecimal("10.00"), new BigDecimal("0.70")),
                        new OfferTotals.VatGroup(
                                BigDecimal.valueOf(0), new BigDecimal("20.00"), new BigDecimal("0.00")));
    }

    @Test
    void a_discount_outside_0_to_100_percent_is_refused() {
        assertThatThrownBy(() -> OfferTotals.lineNet(BigDecimal.ONE, BigDecimal.TEN, new BigDecimal("100.01")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OfferTotals.lineNet(BigDecimal.ONE, BigDecimal.TEN, new BigDecimal("-1")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** "12.34@19": a line of 12.34 net at 19 %. */
    private static List<OfferTotals.Line> lines(String... lines) {
        return Arrays.stream(lines)
                .map(line -> line.split("@"))
                .map(parts -> new OfferTotals.Line(new BigDecimal(parts[0]), new BigDecimal(parts[1])))
                .toList();
    }
}
