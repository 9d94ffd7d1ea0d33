package io.kontor.sales.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.kontor.sales.SalesConfig;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each rule of kontor.sales.legal-review.* alone, at and just over its limit. */
class ReviewRulesTest {

    private static final SalesConfig.LegalReview RULES = new SalesConfig.LegalReview() {
        @Override
        public Optional<BigDecimal> grossAbove() {
            return Optional.of(new BigDecimal("100000.00"));
        }

        @Override
        public Optional<Integer> paymentTermDaysAbove() {
            return Optional.of(60);
        }

        @Override
        public Optional<BigDecimal> discountAbove() {
            return Optional.of(new BigDecimal("30"));
        }

        @Override
        public boolean customerOutsideEu() {
            return true;
        }

        @Override
        public boolean termsDifferFromTemplate() {
            return true;
        }
    };

    @ParameterizedTest(name = "gross {0}, terms {1} (template {2}: {3}), {4} days, {5}, discount {6} -> {7}")
    @CsvSource(
            nullValues = "-",
            delimiter = '|',
            value = {
                "100000.00 | -           | false | -      | 60 | DE | 30    | ''",
                "100000.01 | -           | false | -      | 60 | DE | 30    | gross 100000.01 EUR above 100000.00",
                "500.00    | Eigene      | false | -      | 30 | DE | 0     | terms of its own, not a template's",
                "500.00    | Vorlage     | true  | Vorlage | 30 | DE | 0    | ''",
                "500.00    | Geändert    | true  | Vorlage | 30 | DE | 0    | terms differ from the template's",
                "500.00    | -           | false | -      | 61 | DE | 0     | payment terms 61 days, more than 60",
                "500.00    | -           | false | -      | 30 | AT | 0     | ''",
                "500.00    | -           | false | -      | 30 | CH | 0     | customer outside the EU (CH)",
                "500.00    | -           | false | -      | 30 | DE | 30.01 | discount 30.01 % above 30 %"
            })
    void each_rule_that_holds_gives_its_reason(
            BigDecimal gross,
            String terms,
            boolean fromTemplate,
            String templateTerms,
            int days,
            String country,
            BigDecimal discount,
            String reason) {
        List<String> reasons = ReviewRules.reasons(
                new ReviewRules.Deal(gross, "EUR", terms, fromTemplate, templateTerms, days, country, discount), RULES);

        assertThat(reasons).isEqualTo(reason.isEmpty() ? List.of() : List.of(reason));
    }

    /**
     * The discount rule counts the document discount: a line at 20 % off in an offer with a document discount of 10 %
     * is sold at 0.8 × 0.9 = 72 % of its list price, 28 % off; a document discount alone counts as its share of the
     * lines' net.
     */
    @ParameterizedTest(name = "line discounts {0}, lines net {1}, document discount {2} -> {3} %")
    @CsvSource(
            nullValues = "-",
            delimiter = '|',
            value = {
                "20;0    | 1000.00 | 100.00 | 28.00",
                "0;0     | 1000.00 | 310.00 | 31.00",
                "-       | 1000.00 | 250.00 | 25.00",
                "35;10   | 1000.00 | -      | 35.00",
                "25      | 800.00  | 60.00  | 30.63",
                "25      | 0.00    | 0.00   | 25.00"
            })
    void the_highest_discount_counts_the_document_discount(
            String lineDiscounts, BigDecimal linesNet, BigDecimal documentDiscount, BigDecimal expected) {
        List<BigDecimal> lines = lineDiscounts == null
                ? List.of()
                : java.util.Arrays.stream(lineDiscounts.split(";"))
                        .map(String::strip)
                        .map(BigDecimal::new)
                        .toList();

        BigDecimal highest = ReviewRules.highestDiscountPercent(lines, linesNet, documentDiscount);

        assertThat(highest).isEqualByComparingTo(expected);
    }

    @org.junit.jupiter.api.Test
    void a_document_discount_that_takes_a_line_beyond_the_limit_sends_the_offer_to_legal() {
        // 25 % off the line, then 10 % off the whole: 32.5 % > 30 %, though no single discount exceeds the limit.
        BigDecimal discount = ReviewRules.highestDiscountPercent(
                List.of(new BigDecimal("25")), new BigDecimal("750.00"), new BigDecimal("75.00"));

        List<String> reasons = ReviewRules.reasons(
                new ReviewRules.Deal(new BigDecimal("803.25"), "EUR", null, false, null, 30, "DE", discount), RULES);

        assertThat(reasons).containsExactly("discount 32.5 % above 30 %");
    }
}
