package io.kontor.accounting.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kontor.platform.events.sales.TaxTreatment;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Skonto on our invoices, by hand: the discount is the percent of the gross total rounded once to cents; split over the
 * rates in proportion to their gross, each share carries the VAT it contains, by which the tax is corrected (§17 (1)
 * UStG: the consideration, the tax base, is reduced).
 */
class SkontoTest {

    @ParameterizedTest(name = "{0} % of {1} is {2}, leaving {3} to pay")
    @CsvSource({
        "2, 1404.00, 28.08, 1375.92",
        // 1234.56 × 3 / 100 = 37.0368 → 37.04
        "3, 1234.56, 37.04, 1197.52",
        // 2095.19 × 2 / 100 = 41.9038 → 41.90
        "2, 2095.19, 41.90, 2053.29",
        // 119.00 × 1.5 / 100 = 1.785 → 1.79 (half-up)
        "1.5, 119.00, 1.79, 117.21"
    })
    void the_discount_is_the_percent_of_the_gross_total_rounded_once(
            String percent, String gross, String discount, String payable) {
        Skonto skonto = new Skonto(new BigDecimal(percent), 10);

        assertThat(skonto.amount(new BigDecimal(gross))).isEqualByComparingTo(discount);
        assertThat(skonto.payable(new BigDecimal(gross))).isEqualByComparingTo(payable);
    }

    @Test
    void the_period_ends_the_given_number_of_days_after_the_issue_date() {
        assertThat(new Skonto(new BigDecimal("2"), 10).deadline(LocalDate.parse("2030-03-02")))
                .isEqualTo(LocalDate.parse("2030-03-12"));
    }

    @Test
    void per_section_17_ustg_the_discount_reduces_each_rates_base_and_its_vat() {
        // 1000.00 net at 19 % (1190.00 gross) and 200.00 net at 7 % (214.00 gross): 1404.00, 2 % Skonto = 28.08.
        // 19 %: 28.08 × 1190 / 1404 = 23.80, of it VAT 23.80 × 19 / 119 = 3.80, base 20.00 (= 2 % of 1000.00).
        // 7 %: 28.08 − 23.80 = 4.28, of it VAT 4.28 × 7 / 107 = 0.28, base 4.00 (= 2 % of 200.00).
        List<InvoiceTotals.VatSubtotal> breakdown = InvoiceTotals.of(List.of(
                        new InvoiceTotals.LineAmount(new BigDecimal("1000.00"), new BigDecimal("19")),
                        new InvoiceTotals.LineAmount(new BigDecimal("200.00"), new BigDecimal("7"))))
                .vatBreakdown();

        List<Skonto.Share> shares = Skonto.split(new BigDecimal("28.08"), breakdown);

        assertThat(shares)
                .containsExactly(
                        new Skonto.Share(
                                TaxTreatment.DOMESTIC,
                                new BigDecimal("19"),
                                new BigDecimal("23.80"),
                                new BigDecimal("20.00"),
                                new BigDecimal("3.80")),
                        new Skonto.Share(
                                TaxTreatment.DOMESTIC,
                                new BigDecimal("7"),
                                new BigDecimal("4.28"),
                                new BigDecimal("4.00"),
                                new BigDecimal("0.28")));
    }

    @Test
    void the_shares_add_up_to_the_discount_the_last_taking_the_rounding_difference() {
        // 33.33 net at 19 % (39.66 gross) and 33.33 net at 7 % (35.66 gross): 75.32, 3 % = 2.2596 → 2.26.
        // 19 %: 2.26 × 39.66 / 75.32 = 1.19003 → 1.19; 7 %: 2.26 − 1.19 = 1.07.
        List<InvoiceTotals.VatSubtotal> breakdown = InvoiceTotals.of(List.of(
                        new InvoiceTotals.LineAmount(new BigDecimal("33.33"), new BigDecimal("19")),
                        new InvoiceTotals.LineAmount(new BigDecimal("33.33"), new BigDecimal("7"))))
                .vatBreakdown();
        BigDecimal discount = new Skonto(new BigDecimal("3"), 14).amount(new BigDecimal("75.32"));

        List<Skonto.Share> shares = Skonto.split(discount, breakdown);

        assertThat(discount).isEqualByComparingTo("2.26");
        assertThat(shares)
                .extracting(Skonto.Share::gross)
                .containsExactly(new BigDecimal("1.19"), new BigDecimal("1.07"));
        // 1.19 × 19 / 119 = 0.19; 1.07 × 7 / 107 = 0.07.
        assertThat(shares)
                .extracting(Skonto.Share::vat)
                .containsExactly(new BigDecimal("0.19"), new BigDecimal("0.07"));
    }

    @Test
    void the_xrechnung_notation_has_the_days_and_the_percent_with_two_decimals() {
        assertThat(new Skonto(new BigDecimal("2"), 10).xrechnungLine()).isEqualTo("#SKONTO#TAGE=10#PROZENT=2.00#\n");
        assertThat(new Skonto(new BigDecimal("1.5"), 14).xrechnungLine()).isEqualTo("#SKONTO#TAGE=14#PROZENT=1.50#\n");
    }

    @ParameterizedTest(name = "{0} % for {1} days is refused")
    @CsvSource({"0, 10", "-1, 10", "10.01, 10", "2.125, 10", "2, -1"})
    void terms_out_of_range_are_refused(String percent, int days) {
        assertThatThrownBy(() -> new Skonto(new BigDecimal(percent), days))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
