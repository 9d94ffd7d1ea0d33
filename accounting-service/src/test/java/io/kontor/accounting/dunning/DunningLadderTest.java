package io.kontor.accounting.dunning;

import static org.assertj.core.api.Assertions.assertThat;

import io.kontor.platform.events.sales.CustomerType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DunningLadderTest {

    /**
     * Reminder 7 days after the due date, the next levels 14 days apart; fees 5 and 10; 40 EUR flat; 9 and 5 points.
     */
    static final DunningLadder LADDER = new DunningLadder(
            7,
            14,
            14,
            new BigDecimal("5.00"),
            new BigDecimal("10.00"),
            new BigDecimal("40.00"),
            BigDecimal.valueOf(9),
            BigDecimal.valueOf(5));

    @ParameterizedTest(name = "level {0}, due {1}, last notice {2}, as of {3}: next level {4}")
    @CsvSource({
        // level, due date,  last notice, as of      | next level (empty: none)
        "0,       2025-06-16, ,           2025-06-17, ", // overdue, but the reminder waits 7 days
        "0,       2025-06-16, ,           2025-06-22, ",
        "0,       2025-06-16, ,           2025-06-23, 1",
        "0,       2025-06-16, ,           2025-09-30, 1", // a late run still sends the reminder first
        "1,       2025-06-16, 2025-06-23, 2025-07-06, ",
        "1,       2025-06-16, 2025-06-23, 2025-07-07, 2",
        "2,       2025-06-16, 2025-07-07, 2025-07-20, ",
        "2,       2025-06-16, 2025-07-07, 2025-07-21, 3",
        "3,       2025-06-16, 2025-07-21, 2026-12-31, ", // level 3 is the last
    })
    void each_level_follows_the_previous_notice_after_its_days(
            int level, LocalDate dueDate, LocalDate lastNotice, LocalDate asOf, Integer next) {
        assertThat(LADDER.nextLevel(level, dueDate, lastNotice, asOf)).isEqualTo(Optional.ofNullable(next));
    }

    @ParameterizedTest(name = "level {0}, last notice {1}, dispute resolved {2}, as of {3}: next level {4}")
    @CsvSource({
        // level, last notice, resolved,   as of      | next level   (due date 2025-06-16 throughout)
        "1,       2025-06-23, 2025-07-24, 2025-08-06, ", // resolved after level 2 was due: 14 days from the resolution
        "1,       2025-06-23, 2025-07-24, 2025-08-07, 2", // ... and level 2 follows the level the invoice had
        "1,       2025-06-23, 2025-06-25, 2025-07-08, ", // a short dispute still gives the full 14 days after it
        "1,       2025-06-23, 2025-06-25, 2025-07-09, 2",
        "1,       2025-06-23, ,           2025-07-07, 2", // never disputed: 14 days after the reminder
        "0,       ,           2025-06-20, 2025-06-26, ", // resolved before the reminder: 7 days from the resolution
        "0,       ,           2025-06-20, 2025-06-27, 1",
        "2,       2025-07-07, 2025-08-01, 2025-08-15, 3",
        "3,       2025-07-21, 2025-08-01, 2026-12-31, ", // level 3 stays the last
    })
    void after_a_dispute_dunning_goes_on_at_its_level_and_the_next_step_waits_its_days_from_the_resolution(
            int level, LocalDate lastNotice, LocalDate resolvedOn, LocalDate asOf, Integer next) {
        assertThat(LADDER.nextLevel(level, LocalDate.parse("2025-06-16"), lastNotice, resolvedOn, asOf))
                .isEqualTo(Optional.ofNullable(next));
    }

    @ParameterizedTest(name = "{0} at level {1} pays {2}")
    @CsvSource({
        "CONSUMER, 1, 0.00",
        "CONSUMER, 2, 5.00",
        "CONSUMER, 3, 10.00",
        "BUSINESS, 1, 0.00",
        "BUSINESS, 2, 40.00", // the §288 (5) flat fee; the 5.00 level fee is credited against it
        "BUSINESS, 3, 0.00", // 5 + 10 = 15 level fees stay below the 40 flat fee
    })
    void fees_by_level_and_kind_of_customer(CustomerType type, int level, String fee) {
        assertThat(LADDER.feeOf(level, type)).isEqualByComparingTo(fee);
    }

    @ParameterizedTest(name = "level fees {0} and {1}: a business pays {2} then {3}")
    @CsvSource({
        "5.00,  10.00, 40.00, 0.00",
        "30.00, 25.00, 40.00, 15.00", // 55 level fees exceed the flat fee by 15
        "45.00, 10.00, 45.00, 10.00", // 45 > 40 at once
    })
    void a_business_pays_level_fees_only_beyond_the_flat_fee(
            String level2Fee, String level3Fee, String atLevel2, String atLevel3) {
        DunningLadder ladder = new DunningLadder(
                7,
                14,
                14,
                new BigDecimal(level2Fee),
                new BigDecimal(level3Fee),
                new BigDecimal("40.00"),
                BigDecimal.valueOf(9),
                BigDecimal.valueOf(5));

        assertThat(ladder.feeOf(2, CustomerType.BUSINESS)).isEqualByComparingTo(atLevel2);
        assertThat(ladder.feeOf(3, CustomerType.BUSINESS)).isEqualByComparingTo(atLevel3);
    }

    @ParameterizedTest(name = "{0}: base rate + {1} points")
    @CsvSource({"CONSUMER, 5", "BUSINESS, 9"})
    void interest_points_follow_section_288(CustomerType type, int points) {
        assertThat(LADDER.pointsAboveBaseRate(type)).isEqualByComparingTo(BigDecimal.valueOf(points));
    }
}
