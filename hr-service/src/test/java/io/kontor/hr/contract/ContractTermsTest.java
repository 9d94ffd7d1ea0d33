package io.kontor.hr.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.kontor.platform.problem.Problem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContractTermsTest {

    @ParameterizedTest(name = "{0} {1} → {2}, reason \"{3}\", {4} EUR, {5} h, {6} months probation: {7}")
    @CsvSource(
            nullValues = "-",
            value = {
                // type,     start,      end,        reason,                 salary,    hours, probation, wrong field
                "PERMANENT,  2027-03-01, -,          -,                      52000.00,  40,    6,  -",
                "PERMANENT,  2027-03-01, 2028-03-01, -,                      52000.00,  40,    6,  endDate",
                "FIXED_TERM, 2027-03-01, -,          -,                      52000.00,  40,    6,  endDate",
                "FIXED_TERM, 2027-03-01, 2027-03-01, -,                      52000.00,  40,    0,  endDate",
                "FIXED_TERM, 2027-03-01, 2027-02-28, -,                      52000.00,  40,    0,  endDate",
                // §14(2) TzBfG: two years without a reason, and not a day more
                "FIXED_TERM, 2027-03-01, 2029-02-28, -,                      52000.00,  40,    6,  -",
                "FIXED_TERM, 2027-03-01, 2029-03-01, -,                      52000.00,  40,    6,  endDate",
                "FIXED_TERM, 2027-03-01, 2029-03-01, '  ',                   52000.00,  40,    6,  endDate",
                "FIXED_TERM, 2027-03-01, 2030-02-28, Vertretung (§14 Abs. 1 Nr. 3 TzBfG), 52000.00, 40, 6, -",
                // §188(3) BGB: from 29 February the two years end on 28 February
                "FIXED_TERM, 2028-02-29, 2030-02-28, -,                      52000.00,  40,    6,  -",
                "FIXED_TERM, 2028-02-29, 2030-03-01, -,                      52000.00,  40,    6,  endDate",
                // §622(3) BGB: probation at most six months; and it must end before a fixed term does
                "PERMANENT,  2027-03-01, -,          -,                      52000.00,  40,    7,  probationMonths",
                "PERMANENT,  2027-03-01, -,          -,                      52000.00,  40,    -1, probationMonths",
                "PERMANENT,  2027-03-01, -,          -,                      52000.00,  40,    0,  -",
                "FIXED_TERM, 2027-03-01, 2027-08-31, -,                      52000.00,  40,    6,  probationMonths",
                "FIXED_TERM, 2027-03-01, 2027-09-01, -,                      52000.00,  40,    6,  -",
                // pay and hours
                "PERMANENT,  2027-03-01, -,          -,                      0,         40,    6,  annualSalary",
                "PERMANENT,  2027-03-01, -,          -,                      -1.00,     40,    6,  annualSalary",
                "PERMANENT,  2027-03-01, -,          -,                      52000.005, 40,    6,  annualSalary",
                "PERMANENT,  2027-03-01, -,          -,                      52000.00,  0,     6,  weeklyHours",
                "PERMANENT,  2027-03-01, -,          -,                      52000.00,  48.5,  6,  weeklyHours",
                "PERMANENT,  2027-03-01, -,          -,                      52000.00,  19.5,  6,  -",
            })
    void each_rule_names_the_field_it_guards(
            ContractType type,
            LocalDate start,
            LocalDate end,
            String reason,
            BigDecimal salary,
            BigDecimal hours,
            int probation,
            String wrongField) {
        List<Problem.Violation> violations =
                new ContractTerms(type, start, end, reason, salary, hours, probation).violations();

        assertThat(violations)
                .extracting(Problem.Violation::field)
                .containsExactlyElementsOf(wrongField == null ? List.of() : List.of(wrongField));
    }

    @Test
    void every_broken_rule_is_reported_at_once() {
        var terms = new ContractTerms(
                ContractType.FIXED_TERM, LocalDate.of(2027, 3, 1), null, null, BigDecimal.ZERO, BigDecimal.ZERO, 9);

        assertThat(terms.violations())
                .extracting(Problem.Violation::field)
                .containsExactly("endDate", "annualSalary", "weeklyHours", "probationMonths");
    }

    @Test
    void the_refused_fixed_term_names_the_law_and_the_last_allowed_day() {
        var terms = new ContractTerms(
                ContractType.FIXED_TERM,
                LocalDate.of(2027, 3, 1),
                LocalDate.of(2030, 3, 1),
                null,
                new BigDecimal("52000"),
                new BigDecimal("40"),
                6);

        assertThat(terms.violations().get(0).message()).contains("§14(2) TzBfG").contains("2029-02-28");
    }

    @Test
    void notice_periods_name_the_probation_and_the_statutory_rule() {
        var permanent = new ContractTerms(
                ContractType.PERMANENT,
                LocalDate.of(2027, 3, 1),
                null,
                null,
                new BigDecimal("52000"),
                new BigDecimal("40"),
                6);
        var fixed = new ContractTerms(
                ContractType.FIXED_TERM,
                LocalDate.of(2027, 3, 1),
                LocalDate.of(2028, 2, 29),
                null,
                new BigDecimal("52000"),
                new BigDecimal("40"),
                0);

        assertThat(permanent.noticePeriods())
                .hasSize(2)
                .anySatisfy(p -> assertThat(p).contains("zwei Wochen", "§ 622 Abs. 3 BGB"));
        assertThat(fixed.noticePeriods()).singleElement().asString().contains("29.02.2028", "§ 15 Abs. 4 TzBfG");
    }
}
