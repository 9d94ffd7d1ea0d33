package io.kontor.hr.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.kontor.platform.problem.Problem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * §22 MiLoG: who is not owed the minimum wage of §1 MiLoG, and for how long. The salary is 6,000 EUR a year at 40 h a
 * week (2.88 EUR an hour), far below the 2027 rate of 14.60 EUR, so every case that is not exempt for its whole term is
 * refused.
 */
class MinimumWageExemptionTest {

    private static final MinimumWageTable TABLE = MinimumWageTable.parse(List.of("2027-01-01:14.60"));
    private static final LocalDate START = LocalDate.of(2027, 3, 1);

    @ParameterizedTest(name = "{0}: {1} until {2}, evidence \"{3}\", born {4}, unemployed since {5} → {6}")
    @CsvSource(
            nullValues = "-",
            value = {
                // exemption,                      type,        end,        evidence,           born,       unemployed,
                // refused field
                // no exemption claimed: §1 MiLoG
                "-,                                FIXED_TERM,  2027-05-31, -,                  -,          -,          annualSalary",
                // §22(1) sentence 2 no. 1: compulsory internship, any length, the regulation is named
                "COMPULSORY_INTERNSHIP,            FIXED_TERM,  2027-08-31, Praxissemester § 7 SPO B.Sc., -,   -,          -",
                "COMPULSORY_INTERNSHIP,            FIXED_TERM,  2027-08-31, -,                  -,          -,          minimumWageExemptionEvidence",
                "COMPULSORY_INTERNSHIP,            PERMANENT,   -,          Praxissemester,     -,          -,          contractType",
                // §22(1) sentence 2 no. 2: orientation internship up to three months (1 March → 31 May)
                "ORIENTATION_INTERNSHIP,           FIXED_TERM,  2027-05-31, Studienwahl Informatik, -,      -,          -",
                "ORIENTATION_INTERNSHIP,           FIXED_TERM,  2027-06-01, Studienwahl Informatik, -,      -,          annualSalary",
                // §22(2): under 18 without completed vocational training, until the 18th birthday
                "MINOR_WITHOUT_VOCATIONAL_TRAINING, FIXED_TERM, 2027-09-30, -,                  2009-10-01, -,          -",
                "MINOR_WITHOUT_VOCATIONAL_TRAINING, FIXED_TERM, 2027-10-01, -,                  2009-10-01, -,          annualSalary",
                "MINOR_WITHOUT_VOCATIONAL_TRAINING, PERMANENT,  -,          -,                  2009-10-01, -,          annualSalary",
                "MINOR_WITHOUT_VOCATIONAL_TRAINING, FIXED_TERM, 2027-05-31, -,                  2009-03-01, -,          birthDate",
                "MINOR_WITHOUT_VOCATIONAL_TRAINING, FIXED_TERM, 2027-05-31, -,                  -,          -,          birthDate",
                // §22(3): apprentices, whose pay the BBiG governs
                "APPRENTICE,                       FIXED_TERM,  2029-02-28, Fachinformatiker/in, -,         -,          -",
                "APPRENTICE,                       FIXED_TERM,  2029-02-28, -,                  -,          -,          minimumWageExemptionEvidence",
                // §22(4): long-term unemployed (a year and more, §18(1) SGB III), the first six months (→ 31 August)
                "LONG_TERM_UNEMPLOYED,             FIXED_TERM,  2027-08-31, -,                  -,          2026-03-01, -",
                "LONG_TERM_UNEMPLOYED,             FIXED_TERM,  2027-09-01, -,                  -,          2026-03-01, annualSalary",
                "LONG_TERM_UNEMPLOYED,             PERMANENT,   -,          -,                  -,          2026-03-01, annualSalary",
                "LONG_TERM_UNEMPLOYED,             FIXED_TERM,  2027-08-31, -,                  -,          2026-03-02, unemployedSince",
                "LONG_TERM_UNEMPLOYED,             FIXED_TERM,  2027-08-31, -,                  -,          -,          unemployedSince",
            })
    void section_22_MiLoG_exempts_only_its_cases_and_only_for_their_span(
            MinimumWageExemption exemption,
            ContractType type,
            LocalDate end,
            String evidence,
            LocalDate born,
            LocalDate unemployedSince,
            String refusedField) {
        ContractTerms terms =
                new ContractTerms(type, START, end, null, new BigDecimal("6000.00"), new BigDecimal("40"), 0);
        MinimumWageExemption.Claim claim =
                exemption == null ? null : new MinimumWageExemption.Claim(exemption, evidence, unemployedSince);

        List<Problem.Violation> violations = ContractRules.violations(TABLE, terms, claim, born);

        if (refusedField == null) {
            assertThat(violations).isEmpty();
        } else {
            assertThat(violations).extracting(Problem.Violation::field).containsExactly(refusedField);
        }
    }

    @ParameterizedTest(name = "{0}: the refusal says why the exemption does not cover the term")
    @CsvSource({
        "ORIENTATION_INTERNSHIP, 2027-06-01, §22(1) sentence 2 no. 2 MiLoG",
        "LONG_TERM_UNEMPLOYED,   2027-09-01, §22(4) MiLoG",
    })
    void a_term_beyond_the_exemption_is_refused_naming_both_rules(
            MinimumWageExemption exemption, LocalDate end, String rule) {
        ContractTerms terms = new ContractTerms(
                ContractType.FIXED_TERM, START, end, null, new BigDecimal("6000.00"), new BigDecimal("40"), 0);

        List<Problem.Violation> violations = ContractRules.violations(
                TABLE, terms, new MinimumWageExemption.Claim(exemption, "Studienwahl", LocalDate.of(2025, 1, 1)), null);

        assertThat(violations)
                .singleElement()
                .satisfies(v -> assertThat(v.message()).contains("§1 MiLoG", rule));
    }
}
