package io.kontor.hr.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * When a former employee's file is restricted and erased. Both periods run from the end of the year of leaving: the
 * regular limitation of claims (§§195, 199(1) BGB, three years) and the statutory retention of the Lohnkonto (§41(1)
 * sentence 9 EStG: "bis zum Ablauf des sechsten Kalenderjahres, das auf die zuletzt eingetragene Lohnzahlung folgt")
 * and of tax-relevant documents (§147(3), (4) AO; §257(4), (5) HGB: six years).
 */
class EmployeeRetentionTest {

    @ParameterizedTest(name = "left {0}: restricted from {1}, kept until {2}, erased from {3}")
    @CsvSource({
        // leaving,   restricted from, kept until, erased from
        "2027-12-31,  2031-01-01,      2033-12-31, 2034-01-01",
        "2027-01-01,  2031-01-01,      2033-12-31, 2034-01-01", // the whole year of leaving counts as one
        "2028-02-29,  2032-01-01,      2034-12-31, 2035-01-01",
    })
    void both_periods_count_from_the_end_of_the_year_of_leaving(
            LocalDate leaving, LocalDate restrictFrom, LocalDate keptUntil, LocalDate eraseFrom) {
        EmployeeRetention.Plan plan = EmployeeRetention.plan(leaving, Period.ofYears(3), Period.ofYears(6));

        assertThat(plan.restrictFrom()).isEqualTo(restrictFrom);
        assertThat(plan.keptUntil()).isEqualTo(keptUntil);
        assertThat(plan.eraseFrom()).isEqualTo(eraseFrom);
    }
}
