package io.kontor.hr.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kontor.platform.problem.Problem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** §1 MiLoG with the rates of the Mindestlohnanpassungsverordnungen: 12.82 EUR (2025), 13.90 (2026), 14.60 (2027). */
class MinimumWageTableTest {

    private static final MinimumWageTable TABLE = MinimumWageTable.parse(
            List.of("2024-01-01:12.41", "2025-01-01:12.82", "2026-01-01:13.90", " 2027-01-01 : 14.60"));

    @ParameterizedTest(name = "§1 MiLoG: start {0}, {1} EUR a year, {2} h a week → kept: {3}")
    @CsvSource({
        // start,     salary,    hours, kept
        "2026-03-01,  24000.00,  40,    false", // the example: 11.53 EUR an hour
        // 2025: 12.82 × 40 × 52 = 26,665.60
        "2025-01-01,  26665.60,  40,    true",
        "2025-12-31,  26665.59,  40,    false",
        // 2026: 13.90 × 40 × 52 = 28,912.00; the rate of the start date counts, not that of the signing
        "2025-12-31,  28911.99,  40,    true",
        "2026-01-01,  28911.99,  40,    false",
        "2026-01-01,  28912.00,  40,    true",
        // 2027: 14.60 × 40 × 52 = 30,368.00
        "2027-01-01,  30367.99,  40,    false",
        "2027-01-01,  30368.00,  40,    true",
        "2030-06-01,  30368.00,  40,    true", // the last rate stays until the next ordinance is configured
        // part time: 14.60 × 19.5 × 52 = 14,804.40
        "2027-04-01,  14804.40,  19.5,  true",
        "2027-04-01,  14804.39,  19.5,  false",
        // before the table starts no minimum is known to it (Germany had none before 2015)
        "2023-12-31,  1000.00,   40,    true",
    })
    void the_rate_in_force_on_the_start_date_decides(
            LocalDate start, BigDecimal salary, BigDecimal hours, boolean kept) {
        Optional<Problem.Violation> violation = TABLE.check(terms(start, salary, hours));

        assertThat(violation.isEmpty()).isEqualTo(kept);
        violation.ifPresent(v -> assertThat(v.field()).isEqualTo("annualSalary"));
    }

    @Test
    void the_refusal_names_the_law_the_hourly_pay_the_rate_and_the_least_salary() {
        Problem.Violation violation = TABLE.check(
                        terms(LocalDate.of(2026, 3, 1), new BigDecimal("24000.00"), new BigDecimal("40")))
                .orElseThrow();

        assertThat(violation.message())
                .contains("§1 MiLoG", "11.53 EUR an hour", "2026-01-01 is 13.90", "at least 28912.00 EUR a year");
    }

    @Test
    void hourly_pay_is_the_annual_salary_over_weekly_hours_times_thirteen_thirds_times_twelve() {
        // 58,000 / (40 × 13/3 × 12) = 58,000 / 2,080 = 27.884…
        assertThat(MinimumWageTable.hourlyPay(new BigDecimal("58000"), new BigDecimal("40")))
                .isEqualByComparingTo("27.88");
    }

    @Test
    void a_broken_table_stops_the_service_at_start() {
        assertThatThrownBy(() -> MinimumWageTable.parse(List.of("2026-01-01:13,90")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MinimumWageTable.parse(List.of("2026-01-01:13.90", "2026-01-01:14.00")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MinimumWageTable.parse(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    private static ContractTerms terms(LocalDate start, BigDecimal salary, BigDecimal hours) {
        return new ContractTerms(ContractType.PERMANENT, start, null, null, salary, hours, 6);
    }
}
