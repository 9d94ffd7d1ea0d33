package io.kontor.accounting.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import io.kontor.accounting.invoice.InvoiceTotals.LineAmount;
import io.kontor.accounting.invoice.InvoiceTotals.VatSubtotal;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InvoiceTotalsTest {

    @ParameterizedTest(name = "{0} x {1} less {2}% is {3}")
    @CsvSource({
        // quantity, unit price, discount %, net
        "1,       100.00,  0,     100.00",
        "3,       24.99,   0,     74.97",
        "3,       24.99,   10,    67.47", // 67.473
        "1.5,     333.33,  0,     500.00", // 499.995 rounds half-up
        "2,       0.125,   0,     0.25",
        "1,       0.125,   0,     0.13", // half-up, not half-even
        "1,       0.0049,  0,     0.00",
        "0.333,   10.00,   0,     3.33",
        "7,       19.99,   12.5,  122.44", // 122.43875
        "10,      120.00,  100,   0.00",
        "1000000, 0.0001,  0,     100.00",
    })
    void a_line_net_is_quantity_times_price_less_discount_rounded_half_up_to_cents(
            String quantity, String unitPrice, String discount, String net) {
        assertThat(InvoiceTotals.lineNet(new BigDecimal(quantity), new BigDecimal(unitPrice), new BigDecimal(discount)))
                .isEqualTo(new BigDecimal(net));
    }

    @Test
    void a_missing_discount_counts_as_none() {
        assertThat(InvoiceTotals.lineNet(new BigDecimal("2"), new BigDecimal("9.95"), null))
                .isEqualTo(new BigDecimal("19.90"));
    }

    @ParameterizedTest(name = "{0} -> net {1}, VAT {2}, gross {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                // lines as net@rate;...            | net      | VAT     | gross
                "100.00@19                          | 100.00   | 19.00   | 119.00",
                "100.00@7                           | 100.00   | 7.00    | 107.00",
                "100.00@0                           | 100.00   | 0.00    | 100.00",
                "1200.00@19;67.47@7;500.00@19       | 1767.47  | 327.72  | 2095.19",
                // VAT on the sum per rate: rounded per line these would be 3 x 0.00 and 4 x 0.01
                "0.02@19;0.02@19;0.02@19            | 0.06     | 0.01    | 0.07",
                "0.10@7;0.10@7;0.10@7;0.10@7        | 0.40     | 0.03    | 0.43",
                "19.99@19;19.99@7;19.99@0           | 59.97    | 5.20    | 65.17",
                "0.00@19                            | 0.00     | 0.00    | 0.00",
            })
    void vat_is_computed_per_rate_on_the_sum_of_that_rates_lines(String lines, String net, String vat, String gross) {
        InvoiceTotals totals = InvoiceTotals.of(parse(lines));

        assertThat(totals.netTotal()).isEqualTo(new BigDecimal(net));
        assertThat(totals.vatTotal()).isEqualTo(new BigDecimal(vat));
        assertThat(totals.grossTotal()).isEqualTo(new BigDecimal(gross));
    }

    @Test
    void the_vat_breakdown_has_one_entry_per_rate_highest_first_and_treats_19_and_19_00_as_one_rate() {
        InvoiceTotals totals = InvoiceTotals.of(List.of(
                new LineAmount(new BigDecimal("10.00"), new BigDecimal("7")),
                new LineAmount(new BigDecimal("100.00"), new BigDecimal("19")),
                new LineAmount(new BigDecimal("50.00"), new BigDecimal("19.00"))));

        assertThat(totals.vatBreakdown())
                .containsExactly(
                        new VatSubtotal(new BigDecimal("19"), new BigDecimal("150.00"), new BigDecimal("28.50")),
                        new VatSubtotal(new BigDecimal("7"), new BigDecimal("10.00"), new BigDecimal("0.70")));
    }

    @Test
    void an_invoice_without_lines_totals_zero() {
        InvoiceTotals totals = InvoiceTotals.of(List.of());

        assertThat(totals.grossTotal()).isEqualTo(new BigDecimal("0.00"));
        assertThat(totals.vatBreakdown()).isEmpty();
    }

    private static List<LineAmount> parse(String lines) {
        return Arrays.stream(lines.split(";"))
                .map(line -> line.split("@"))
                .map(parts -> new LineAmount(new BigDecimal(parts[0].trim()), new BigDecimal(parts[1].trim())))
                .toList();
    }
}
