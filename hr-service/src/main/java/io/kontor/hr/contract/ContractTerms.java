package io.kontor.hr.contract;

import io.kontor.hr.GermanDates;
import io.kontor.platform.problem.Problem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The terms of an employment contract and the German rules they must keep. Each broken rule names the request field.
 *
 * @param fixedTermReason the objective reason of §14(1) TzBfG; without one a fixed term may last at most two years
 */
public record ContractTerms(
        ContractType type,
        LocalDate startDate,
        LocalDate endDate,
        String fixedTermReason,
        BigDecimal annualSalary,
        BigDecimal weeklyHours,
        int probationMonths) {

    /** §14(2) TzBfG: without an objective reason a fixed term may last at most two years. */
    public static final int MAX_YEARS_WITHOUT_REASON = 2;
    /**
     * §622(3) BGB: a probation period with the short notice lasts at most six months (also §1 KSchG's waiting time).
     */
    public static final int MAX_PROBATION_MONTHS = 6;
    /** §3 ArbZG: at most 48 hours a week on average (8 hours on six working days). */
    public static final BigDecimal MAX_WEEKLY_HOURS = new BigDecimal("48");

    public List<Problem.Violation> violations() {
        List<Problem.Violation> violations = new ArrayList<>();
        if (type == ContractType.FIXED_TERM) {
            if (endDate == null) {
                violations.add(new Problem.Violation("endDate", "is required for a FIXED_TERM contract"));
            } else if (!endDate.isAfter(startDate)) {
                violations.add(new Problem.Violation("endDate", "must be after the start date " + startDate));
            } else if (isBlank(fixedTermReason) && endDate.isAfter(lastDayWithoutReason())) {
                violations.add(new Problem.Violation(
                        "endDate",
                        "a fixed term without an objective reason may last at most "
                                + MAX_YEARS_WITHOUT_REASON + " years (§14(2) TzBfG), here until "
                                + lastDayWithoutReason()
                                + "; name the reason in fixedTermReason (§14(1) TzBfG)"));
            }
        } else if (endDate != null) {
            violations.add(new Problem.Violation("endDate", "must be empty for a PERMANENT contract"));
        }
        if (annualSalary == null || annualSalary.signum() <= 0) {
            violations.add(new Problem.Violation("annualSalary", "must be greater than 0"));
        } else if (annualSalary.stripTrailingZeros().scale() > 2) {
            violations.add(new Problem.Violation("annualSalary", "must have at most 2 decimal places"));
        }
        if (weeklyHours == null || weeklyHours.signum() <= 0) {
            violations.add(new Problem.Violation("weeklyHours", "must be greater than 0"));
        } else if (weeklyHours.compareTo(MAX_WEEKLY_HOURS) > 0) {
            violations.add(new Problem.Violation("weeklyHours", "must be at most " + MAX_WEEKLY_HOURS + " (§3 ArbZG)"));
        } else if (weeklyHours.stripTrailingZeros().scale() > 1) {
            violations.add(new Problem.Violation("weeklyHours", "must have at most 1 decimal place"));
        }
        if (probationMonths < 0 || probationMonths > MAX_PROBATION_MONTHS) {
            violations.add(new Problem.Violation(
                    "probationMonths", "must be between 0 and " + MAX_PROBATION_MONTHS + " (§622(3) BGB)"));
        } else if (type == ContractType.FIXED_TERM
                && endDate != null
                && probationMonths > 0
                && startDate.plusMonths(probationMonths).isAfter(endDate)) {
            // §15(3) TzBfG: a probation period must stand in proportion to the term; one that outlasts it cannot.
            violations.add(new Problem.Violation("probationMonths", "must end before the fixed term ends"));
        }
        return violations;
    }

    /** The notice periods the contract states: the statutory ones, which a template contract does not shorten. */
    public List<String> noticePeriods() {
        List<String> periods = new ArrayList<>();
        if (probationMonths > 0) {
            periods.add("Während der Probezeit von " + probationMonths
                    + " Monaten kann das Arbeitsverhältnis mit einer Frist "
                    + "von zwei Wochen gekündigt werden (§ 622 Abs. 3 BGB).");
        }
        if (type == ContractType.FIXED_TERM) {
            periods.add("Das Arbeitsverhältnis endet mit Ablauf des " + GermanDates.format(endDate)
                    + ", ohne dass es einer Kündigung "
                    + "bedarf (§ 15 Abs. 1 TzBfG). Es kann vorher ordentlich mit den gesetzlichen Fristen gekündigt werden "
                    + "(§ 15 Abs. 4 TzBfG, § 622 BGB).");
        } else {
            periods.add(
                    "Das Arbeitsverhältnis kann mit einer Frist von vier Wochen zum Fünfzehnten oder zum Ende eines "
                            + "Kalendermonats gekündigt werden; die Frist verlängert sich nach der Dauer der Betriebszugehörigkeit "
                            + "(§ 622 Abs. 1 und 2 BGB) und gilt dann für beide Seiten.");
        }
        return periods;
    }

    /**
     * The last day of two years counted from the start day (§187(2), §188(2) BGB): the day before the same date two
     * years on, 1 March 2027 → 28 February 2029. From 29 February that date does not exist and the term ends with the
     * last day of the month (§188(3) BGB): 29 February 2028 → 28 February 2030.
     */
    public LocalDate lastDayWithoutReason() {
        return lastDayOfTwoYears(startDate);
    }

    static LocalDate lastDayOfTwoYears(LocalDate startDate) {
        LocalDate sameDateLater = startDate.plusYears(MAX_YEARS_WITHOUT_REASON);
        return sameDateLater.getDayOfMonth() == startDate.getDayOfMonth() ? sameDateLater.minusDays(1) : sameDateLater;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
