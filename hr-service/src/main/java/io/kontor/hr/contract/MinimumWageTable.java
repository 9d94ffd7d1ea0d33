package io.kontor.hr.contract;

import io.kontor.platform.problem.Problem;
import io.kontor.platform.time.DatedValues;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The statutory minimum wage per hour (§1 MiLoG) by the day it took effect. The Federal Government sets each new rate
 * by ordinance on the Mindestlohnkommission's proposal (Mindestlohnanpassungsverordnung, §11 MiLoG), so the table is
 * configuration ({@code kontor.hr.minimum-wage}): a new rate is a config change, not a release.
 *
 * <p>A salaried contract keeps the minimum wage when its annual salary, spread over the hours agreed in a year, reaches
 * the rate in force on the contract's start date:
 *
 * <pre>
 *   hours per month = weekly hours × 13/3      (52 weeks / 12 months, the usual German conversion)
 *   hourly pay      = annual salary / (hours per month × 12) = annual salary / (weekly hours × 52)
 * </pre>
 *
 * The comparison is made exactly (annual salary ≥ rate × weekly hours × 52), so no rounding lets a salary pass that is
 * a cent short. The exceptions of §22 MiLoG (interns, apprentices, minors without vocational training, the long-term
 * unemployed) are {@link MinimumWageExemption}.
 */
public final class MinimumWageTable {

    /** 13/3 weeks a month × 12 months. */
    public static final BigDecimal WEEKS_PER_YEAR = new BigDecimal("52");

    private final DatedValues hourlyFrom;

    private MinimumWageTable(DatedValues hourlyFrom) {
        this.hourlyFrom = hourlyFrom;
    }

    /** Parses {@code 2026-01-01:13.90} entries (valid from : EUR per hour). */
    public static MinimumWageTable parse(List<String> entries) {
        return new MinimumWageTable(DatedValues.parse("minimum wage", "EUR per hour", entries));
    }

    /**
     * The rate in force on {@code day}; empty before the first entry (Germany had no statutory minimum before 2015).
     */
    public Optional<BigDecimal> hourlyOn(LocalDate day) {
        return hourlyFrom.on(day);
    }

    /** The pay per hour of a salary, cut (not rounded up) to cents, for messages. */
    public static BigDecimal hourlyPay(BigDecimal annualSalary, BigDecimal weeklyHours) {
        return annualSalary.divide(weeklyHours.multiply(WEEKS_PER_YEAR), 2, RoundingMode.DOWN);
    }

    /** The least annual salary for these hours on that day. */
    public static BigDecimal minimumAnnualSalary(BigDecimal hourly, BigDecimal weeklyHours) {
        return hourly.multiply(weeklyHours).multiply(WEEKS_PER_YEAR).setScale(2, RoundingMode.UP);
    }

    /**
     * The minimum-wage violation of these terms, naming {@code annualSalary}; empty when they keep it or when salary or
     * hours are missing or not positive (other rules report those).
     */
    public Optional<Problem.Violation> check(ContractTerms terms) {
        if (terms.startDate() == null
                || terms.annualSalary() == null
                || terms.weeklyHours() == null
                || terms.annualSalary().signum() <= 0
                || terms.weeklyHours().signum() <= 0) {
            return Optional.empty();
        }
        return hourlyOn(terms.startDate()).flatMap(rate -> {
            BigDecimal least = minimumAnnualSalary(rate, terms.weeklyHours());
            if (terms.annualSalary().compareTo(least) >= 0) {
                return Optional.empty();
            }
            return Optional.of(new Problem.Violation(
                    "annualSalary",
                    "is below the statutory minimum wage (§1 MiLoG): "
                            + terms.annualSalary().toPlainString() + " EUR a year for "
                            + terms.weeklyHours().stripTrailingZeros().toPlainString()
                            + " hours a week is " + hourlyPay(terms.annualSalary(), terms.weeklyHours())
                            + " EUR an hour (annual salary / (weekly hours × 13/3 × 12)), the minimum from "
                            + hourlyFrom.inForceSince(terms.startDate()).orElseThrow() + " is " + rate.toPlainString()
                            + " EUR an hour; at least " + least.toPlainString() + " EUR a year"));
        });
    }
}
