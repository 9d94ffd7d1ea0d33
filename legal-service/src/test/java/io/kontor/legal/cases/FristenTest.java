package io.kontor.legal.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Periods by §§187-193 BGB, as the case files compute them. */
class FristenTest {

    /**
     * §4 sentence 1 KSchG: three weeks after the notice was received; §187 (1) BGB the day of receipt does not count,
     * §188 (2) BGB the period ends on the weekday of receipt, §193 BGB a Saturday or Sunday moves it to Monday.
     */
    @ParameterizedTest(name = "notice received {0} → action until {1}")
    @CsvSource({
        "2027-05-14, 2027-06-04", // Friday → Friday three weeks on
        "2027-05-03, 2027-05-24", // Monday → Monday
        "2027-05-15, 2027-06-07", // Saturday → the Saturday three weeks on is moved to Monday (§193 BGB)
        "2027-05-16, 2027-06-07", // Sunday → Monday
        "2027-12-23, 2028-01-13", // over the turn of the year
    })
    void an_action_against_a_dismissal_is_possible_three_weeks_after_receipt_section_4_kschg(
            LocalDate received, LocalDate lastDay) {
        assertThat(Fristen.actionAgainstDismissal(received)).isEqualTo(lastDay);
    }

    /** §§195, 199 (1) BGB: three years, from the end of the year the claim arose. */
    @ParameterizedTest(name = "claim of {0} → limitation ends {1}")
    @CsvSource({"2025-06-02, 2028-12-31", "2025-12-31, 2028-12-31", "2026-01-01, 2029-12-31"})
    void a_claim_becomes_time_barred_at_the_end_of_the_third_year_after_it_arose(LocalDate arisen, LocalDate end) {
        assertThat(Fristen.limitationOfClaim(arisen)).isEqualTo(end);
    }

    @ParameterizedTest(name = "{0} + {1} days → {2}")
    @CsvSource({"2025-08-01, 21, 2025-08-22", "2025-08-01, 22, 2025-08-25", "2025-08-01, 0, 2025-08-01"})
    void a_period_of_days_ending_on_a_weekend_ends_on_the_next_working_day(LocalDate from, int days, LocalDate end) {
        assertThat(Fristen.daysAfter(from, days)).isEqualTo(end);
    }
}
