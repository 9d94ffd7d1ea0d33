package io.kontor.hr.contract;

import io.kontor.platform.problem.Problem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The people §22 MiLoG takes out of the statutory minimum wage, as a hire claims one. Each exemption has its own
 * condition and its own span; where the span ends before the contract does, the contract's one salary must reach the
 * minimum after all (Kontor's contract has a single salary, it does not step up on a birthday or after six months).
 *
 * <p>Not modelled: the internship alongside a vocational training or study (§22(1) sentence 2 no. 3) and the
 * entry-level qualification (no. 4); apprentices' pay follows §17 BBiG (Mindestausbildungsvergütung), which Kontor does
 * not check.
 */
public enum MinimumWageExemption {

    /**
     * §22(1) sentence 2 no. 1 MiLoG: an internship a school, training or study regulation makes compulsory; the
     * evidence names the regulation.
     */
    COMPULSORY_INTERNSHIP,
    /**
     * §22(1) sentence 2 no. 2 MiLoG: an internship of up to three months to choose a vocational training or a course of
     * study; a longer one is paid the minimum from the first day.
     */
    ORIENTATION_INTERNSHIP,
    /** §22(2) MiLoG: a person under 18 without a completed vocational training, until the 18th birthday. */
    MINOR_WITHOUT_VOCATIONAL_TRAINING,
    /** §22(3) MiLoG: apprentices (Auszubildende) under the BBiG; the evidence names the recognised occupation. */
    APPRENTICE,
    /**
     * §22(4) MiLoG: someone long-term unemployed immediately before (a year and more, §18(1) SGB III), for the first
     * six months of the employment.
     */
    LONG_TERM_UNEMPLOYED;

    /** A hire's claim of an exemption with what proves it. */
    public record Claim(MinimumWageExemption exemption, String evidence, LocalDate unemployedSince) {}

    /**
     * What a claim does for a contract: the claim's own faults (400, naming the field), and whether it covers every day
     * of the term, so that the minimum-wage check does not apply; otherwise {@code uncoveredBecause} says why.
     */
    public record Assessment(List<Problem.Violation> violations, boolean coversWholeTerm, String uncoveredBecause) {

        static Assessment notClaimed() {
            return new Assessment(List.of(), false, null);
        }
    }

    public static Assessment assess(Claim claim, ContractTerms terms, LocalDate birthDate) {
        if (claim == null || claim.exemption() == null) {
            return Assessment.notClaimed();
        }
        List<Problem.Violation> violations = new ArrayList<>();
        LocalDate start = terms.startDate();
        LocalDate end = terms.type() == ContractType.FIXED_TERM ? terms.endDate() : null;
        LocalDate exemptThrough = switch (claim.exemption()) {
            case COMPULSORY_INTERNSHIP, ORIENTATION_INTERNSHIP, APPRENTICE -> {
                if (isBlank(claim.evidence())) {
                    violations.add(new Problem.Violation(
                            "minimumWageExemptionEvidence",
                            "is required for " + claim.exemption() + ": "
                                    + (claim.exemption() == APPRENTICE
                                            ? "the recognised occupation of the training (§22(3) MiLoG)"
                                            : "the regulation or the choice of training or study the internship"
                                                    + " serves (§22(1) sentence 2 MiLoG)")));
                }
                if (claim.exemption() != APPRENTICE && terms.type() != ContractType.FIXED_TERM) {
                    violations.add(new Problem.Violation(
                            "contractType", "an internship is FIXED_TERM (§22(1) sentence 2 MiLoG)"));
                }
                // Three months from the first day, counted as §§187(2), 188(2) BGB count: 1 March → 31 May.
                yield claim.exemption() == ORIENTATION_INTERNSHIP
                        ? start.plusMonths(3).minusDays(1)
                        : LocalDate.MAX;
            }
            case MINOR_WITHOUT_VOCATIONAL_TRAINING -> {
                if (birthDate == null) {
                    violations.add(new Problem.Violation(
                            "birthDate", "is required for MINOR_WITHOUT_VOCATIONAL_TRAINING (§22(2) MiLoG)"));
                    yield LocalDate.MAX;
                }
                LocalDate eighteenth = birthDate.plusYears(18);
                if (!start.isBefore(eighteenth)) {
                    violations.add(new Problem.Violation(
                            "birthDate",
                            "the employee is 18 on the start date " + start
                                    + ": §22(2) MiLoG exempts only persons under 18"));
                }
                yield eighteenth.minusDays(1);
            }
            case LONG_TERM_UNEMPLOYED -> {
                if (claim.unemployedSince() == null) {
                    violations.add(new Problem.Violation(
                            "unemployedSince", "is required for LONG_TERM_UNEMPLOYED (§22(4) MiLoG)"));
                } else if (claim.unemployedSince().isAfter(start.minusYears(1))) {
                    violations.add(new Problem.Violation(
                            "unemployedSince",
                            "long-term unemployed means unemployed for a year and more before the start"
                                    + " (§18(1) SGB III, §22(4) MiLoG): at the latest since "
                                    + start.minusYears(1)));
                }
                yield start.plusMonths(6).minusDays(1);
            }
        };
        if (!violations.isEmpty()) {
            return new Assessment(violations, false, null);
        }
        if (end != null && !end.isAfter(exemptThrough)) {
            return new Assessment(List.of(), true, null);
        }
        String why = switch (claim.exemption()) {
            case ORIENTATION_INTERNSHIP ->
                "an orientation internship longer than three months (here beyond " + exemptThrough
                        + ") is paid the minimum from its first day (§22(1) sentence 2 no. 2 MiLoG)";
            case MINOR_WITHOUT_VOCATIONAL_TRAINING ->
                "the exemption ends on the 18th birthday, " + exemptThrough.plusDays(1)
                        + ", and the contract runs on (§22(2) MiLoG)";
            case LONG_TERM_UNEMPLOYED ->
                "the exemption covers the first six months, through " + exemptThrough
                        + ", and the contract runs on (§22(4) MiLoG)";
            default -> null;
        };
        return why == null ? new Assessment(List.of(), true, null) : new Assessment(List.of(), false, why);
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
