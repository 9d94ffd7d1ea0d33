package io.kontor.accounting.dunning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DefaultInterestTest {

    /** The Bundesbank's base rates around the tests' calendar. */
    static final BaseRateTable RATES =
            BaseRateTable.parse(List.of("2024-07-01:3.37", "2025-01-01:2.27", "2025-07-01:1.27", "2026-01-01:1.27"));

    @ParameterizedTest(name = "{0} from {1} to {2} at base + {3}: {4}")
    @CsvSource({
        // principal, default began, reckoned to, points | interest   hand computation (rate-days = Σ days × (base +
        // points))
        "1000.00, 2025-06-20, 2025-07-10, 5,   3.71", // 10 × 7.27 + 10 × 6.27 = 135.40; 1000 × 135.40 / 36500 = 3.7096
        "1000.00, 2025-06-20, 2025-07-10, 9,   5.90", // 10 × 11.27 + 10 × 10.27 = 215.40; 5.9014
        "1190.00, 2025-06-23, 2025-07-07, 9,   4.92", // 7 × 11.27 + 7 × 10.27 = 150.78; 1190 × 150.78 / 36500 = 4.9158
        "1190.00, 2025-06-23, 2025-07-07, 5,   3.09", // 7 × 7.27 + 7 × 6.27 = 94.78; 3.0901
        "1190.00, 2025-07-07, 2025-07-21, 9,   4.69", // 14 × 10.27 = 143.78; 4.6876
        "1190.00, 2025-07-07, 2025-07-21, 5,   2.86", // 14 × 6.27 = 87.78; 2.8619
        "49.61,   2025-07-21, 2025-07-31, 9,   0.14", // 10 × 10.27 = 102.70; 0.1396
        "10000.00, 2024-12-31, 2025-12-31, 9, 1076.59", // the year 2025: 181 × 11.27 + 184 × 10.27 = 3929.55; 1076.5890
        "1000.00, 2025-07-10, 2025-07-11, 5,   0.17", // one day: 6.27 / 36500 × 1000 = 0.1718
        "1000.00, 2025-07-10, 2025-07-10, 5,   0.00", // the day the default began does not count
        "1000.00, 2025-07-10, 2025-07-01, 5,   0.00", // reckoning before the start: nothing
        "0.00,    2025-01-01, 2025-12-31, 9,   0.00",
    })
    void interest_is_counted_per_day_at_that_days_base_rate_plus_the_points(
            String principal, LocalDate from, LocalDate to, String points, String interest) {
        assertThat(DefaultInterest.on(new BigDecimal(principal), from, to, new BigDecimal(points), RATES))
                .isEqualTo(new BigDecimal(interest));
    }

    @Test
    void the_days_of_a_reckoning_are_cut_where_the_base_rate_changes_as_a_notice_shows_them() {
        assertThat(DefaultInterest.stretches(
                        LocalDate.parse("2025-06-23"), LocalDate.parse("2025-07-07"), BigDecimal.valueOf(9), RATES))
                .containsExactly(
                        new DefaultInterest.Stretch(
                                LocalDate.parse("2025-06-24"),
                                LocalDate.parse("2025-06-30"),
                                7,
                                new BigDecimal("11.27")),
                        new DefaultInterest.Stretch(
                                LocalDate.parse("2025-07-01"),
                                LocalDate.parse("2025-07-07"),
                                7,
                                new BigDecimal("10.27")));
        assertThat(DefaultInterest.stretches(
                        LocalDate.parse("2025-07-07"), LocalDate.parse("2025-07-07"), BigDecimal.valueOf(9), RATES))
                .isEmpty();
    }

    @Test
    void the_base_rate_of_a_day_is_the_last_one_published_before_or_on_it() {
        assertThat(RATES.rateOn(LocalDate.parse("2025-06-30"))).isEqualByComparingTo("2.27");
        assertThat(RATES.rateOn(LocalDate.parse("2025-07-01"))).isEqualByComparingTo("1.27");
        assertThat(RATES.rateOn(LocalDate.parse("2030-01-01"))).isEqualByComparingTo("1.27");
    }

    @Test
    void a_day_before_the_table_has_no_rate_rather_than_a_guessed_one() {
        assertThatThrownBy(() -> RATES.rateOn(LocalDate.parse("2024-06-30"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_negative_base_rate_counts_as_it_was() {
        BaseRateTable negative = BaseRateTable.parse(List.of("2020-07-01:-0.88"));

        // 30 days × (−0.88 + 5) = 123.60; 1000 × 123.60 / 36500 = 3.3863
        assertThat(DefaultInterest.on(
                        new BigDecimal("1000.00"),
                        LocalDate.parse("2021-03-01"),
                        LocalDate.parse("2021-03-31"),
                        BigDecimal.valueOf(5),
                        negative))
                .isEqualTo(new BigDecimal("3.39"));
    }

    @Test
    void a_malformed_base_rate_entry_is_refused_at_start() {
        assertThatThrownBy(() -> BaseRateTable.parse(List.of("2025-07-01=1.27")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BaseRateTable.parse(List.of("2025-13-01:1.27")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
