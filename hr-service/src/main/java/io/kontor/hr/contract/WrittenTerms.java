package io.kontor.hr.contract;

import io.kontor.hr.HrConfig;
import io.kontor.platform.problem.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a contract states besides pay, hours, dates and probation, so that it is the written record of the essential
 * terms that §2(1) NachwG asks for. Each item comes from the hire, else from the company's defaults
 * ({@code kontor.hr.contract-defaults}); one with neither is a 400 naming the hire's field. Kept with the contract as
 * resolved, so that a later change of the defaults does not change a contract already drafted.
 *
 * @param placeOfWork no. 4
 * @param jobDescription no. 5
 * @param overtime nos. 7 and 10: whether overtime may be ordered, when, and how it is paid
 * @param bonuses no. 7: supplements, allowances, bonuses and special payments, each named
 * @param paymentDue no. 7: when the pay falls due
 * @param paymentMethod no. 7: how it is paid
 * @param workingTimeModel no. 8
 * @param breaks no. 8
 * @param restPeriods no. 8
 * @param shiftWork no. 8: the shift system, rhythm and conditions of changes, or that there is none
 * @param annualLeaveDays no. 11: working days of leave a year, for {@code workingDaysPerWeek} days of work a week
 * @param training no. 12
 * @param companyPension no. 13: the pension provider's name and address, or that none is promised
 * @param collectiveAgreements no. 15
 */
public record WrittenTerms(
        String placeOfWork,
        String jobDescription,
        String overtime,
        String bonuses,
        String paymentDue,
        String paymentMethod,
        String workingTimeModel,
        String breaks,
        String restPeriods,
        String shiftWork,
        Integer workingDaysPerWeek,
        Integer annualLeaveDays,
        String training,
        String companyPension,
        String collectiveAgreements) {

    /** §3(1) BUrlG: 24 working days a year for a week of six working days (Werktage), pro rata for fewer. */
    public static final int STATUTORY_LEAVE_DAYS_SIX_DAY_WEEK = 24;

    /**
     * Fills what the hire left out from the defaults.
     *
     * @param openingLocation where the job is, which comes before the company's default place of work
     * @param jobTitle the job a missing description falls back to: a job title that says what is done is a short
     *     characterisation of the work (§2(1) sentence 2 no. 5 NachwG)
     */
    public WrittenTerms withDefaults(HrConfig.ContractDefaults defaults, String openingLocation, String jobTitle) {
        return new WrittenTerms(
                first(placeOfWork, blankToNull(openingLocation), defaults.placeOfWork()),
                first(jobDescription, jobTitle == null ? null : "Tätigkeiten als " + jobTitle, Optional.empty()),
                first(overtime, null, defaults.overtime()),
                first(bonuses, null, defaults.bonuses()),
                first(paymentDue, null, defaults.paymentDue()),
                first(paymentMethod, null, defaults.paymentMethod()),
                first(workingTimeModel, null, defaults.workingTimeModel()),
                first(breaks, null, defaults.breaks()),
                first(restPeriods, null, defaults.restPeriods()),
                first(shiftWork, null, defaults.shiftWork()),
                workingDaysPerWeek != null ? workingDaysPerWeek : Integer.valueOf(5),
                annualLeaveDays != null
                        ? annualLeaveDays
                        : defaults.annualLeaveDays().orElse(null),
                first(training, null, defaults.training()),
                first(companyPension, null, defaults.companyPension()),
                first(collectiveAgreements, null, defaults.collectiveAgreements()));
    }

    /** Every item that is still missing or wrong, named as the hire's field. */
    public List<Problem.Violation> violations() {
        List<Problem.Violation> violations = new ArrayList<>();
        required(violations, "placeOfWork", placeOfWork, "no. 4");
        required(violations, "jobDescription", jobDescription, "no. 5");
        required(violations, "overtime", overtime, "nos. 7 and 10");
        required(violations, "bonuses", bonuses, "no. 7");
        required(violations, "paymentDue", paymentDue, "no. 7");
        required(violations, "paymentMethod", paymentMethod, "no. 7");
        required(violations, "workingTimeModel", workingTimeModel, "no. 8");
        required(violations, "breaks", breaks, "no. 8");
        required(violations, "restPeriods", restPeriods, "no. 8");
        required(violations, "shiftWork", shiftWork, "no. 8");
        if (workingDaysPerWeek == null || workingDaysPerWeek < 1 || workingDaysPerWeek > 6) {
            violations.add(new Problem.Violation("workingDaysPerWeek", "must be between 1 and 6"));
        }
        if (annualLeaveDays == null) {
            violations.add(missing("annualLeaveDays", "no. 11"));
        } else if (workingDaysPerWeek != null
                && workingDaysPerWeek >= 1
                && workingDaysPerWeek <= 6
                && annualLeaveDays < statutoryLeaveDays(workingDaysPerWeek)) {
            violations.add(new Problem.Violation(
                    "annualLeaveDays",
                    "must be at least " + statutoryLeaveDays(workingDaysPerWeek) + " days for " + workingDaysPerWeek
                            + " working days a week (§3(1) BUrlG: 24 days for six)"));
        }
        required(violations, "training", training, "no. 12");
        required(violations, "companyPension", companyPension, "no. 13");
        required(violations, "collectiveAgreements", collectiveAgreements, "no. 15");
        return violations;
    }

    /** The statutory minimum leave for fewer working days: 24 × days / 6, which is always whole (4 per day). */
    public static int statutoryLeaveDays(int workingDaysPerWeek) {
        return STATUTORY_LEAVE_DAYS_SIX_DAY_WEEK * workingDaysPerWeek / 6;
    }

    private static void required(List<Problem.Violation> violations, String field, String value, String item) {
        if (value == null || value.isBlank()) {
            violations.add(missing(field, item));
        }
    }

    private static Problem.Violation missing(String field, String item) {
        return new Problem.Violation(
                field,
                "is required: the contract must state it (§2(1) sentence 2 " + item
                        + " NachwG) and the company has no default (kontor.hr.contract-defaults)");
    }

    private static String first(String given, String fallback, Optional<String> configured) {
        if (given != null && !given.isBlank()) {
            return given.strip();
        }
        if (fallback != null && !fallback.isBlank()) {
            return fallback;
        }
        return configured.filter(text -> !text.isBlank()).map(String::strip).orElse(null);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
