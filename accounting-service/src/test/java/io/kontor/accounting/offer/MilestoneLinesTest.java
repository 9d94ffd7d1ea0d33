package io.kontor.accounting.offer;

import static org.assertj.core.api.Assertions.assertThat;

import io.kontor.accounting.invoice.InvoiceLine;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MilestoneLinesTest {

    @ParameterizedTest(name = "offer {0}, milestone {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                // offer lines net@rate         | milestone | lines net@rate
                "1000.00@19                     | 300.00    | 300.00@19",
                "1000.00@19;500.00@19           | 300.00    | 300.00@19",
                "1200.00@19;67.47@7;500.00@19   | 500.00    | 480.91@19;19.09@7", // 500 × 1700/1767.47 = 480.9137; rest
                // 19.09
                "100.00@19;100.00@7;100.00@0    | 100.00    | 33.33@19;33.33@7;33.34@0",
                "0.00@7;0.00@19                 | 50.00     | 50.00@19",
            })
    void a_milestone_is_split_over_the_offers_vat_rates_in_proportion_and_adds_up_to_its_amount(
            String offer, String amount, String expected) {
        List<InvoiceLine> lines = MilestoneLines.of(parse(offer), "Meilenstein", new BigDecimal(amount));

        assertThat(lines)
                .extracting(line ->
                        line.netAmount + "@" + line.vatRate.stripTrailingZeros().toPlainString())
                .containsExactly(expected.split(";"));
        assertThat(lines.stream().map(line -> line.netAmount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(amount);
    }

    private static List<InvoiceLine> parse(String lines) {
        return Arrays.stream(lines.split(";"))
                .map(line -> line.split("@"))
                .map(parts -> InvoiceLine.of(
                        null, "x", BigDecimal.ONE, null, new BigDecimal(parts[0]), null, new BigDecimal(parts[1])))
                .toList();
    }
}
