package io.kontor.hr.privacy;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

/**
 * How long a former employee's personnel file is kept, and what of it (Art. 5(1)(e), 17(3)(b) and (e) GDPR, §35(3)
 * BDSG). Every period counts from the end of the calendar year of leaving, as the laws below count theirs (§199(1) BGB,
 * §147(4) AO, §257(5) HGB, §41(1) sentence 9 EStG).
 *
 * <ol>
 *   <li>Until the claims from the employment are time-barred - the regular limitation of three years (§§195, 199(1)
 *       BGB; e.g. pay, the reference of §109 GewO, damages) - the whole file is kept: the employer needs it to meet or
 *       defend them (Art. 17(3)(e) GDPR).
 *   <li>Then, or earlier when the former employee asks (Art. 17(1) GDPR), what no law requires is erased, and the rest
 *       is <em>restricted</em> (Art. 18 GDPR, §35(3) BDSG: where statutory retention forbids erasure, restriction takes
 *       its place): stored, read only by admin for an audit, used for nothing else.
 *   <li>After the longest statutory retention that applies to hr's file - six calendar years - everything is erased.
 * </ol>
 *
 * <p>The statutory retention duties of the personnel file, and what they cover:
 *
 * <ul>
 *   <li>§41(1) EStG with §4 LStDV: the Lohnkonto - name, birth date, address, tax id, start and end of the employment,
 *       pay - until the end of the sixth calendar year after the last pay recorded (the year of leaving).
 *   <li>§147(1) no. 5, (3) AO and §257(1) no. 2-3, (4) HGB: the contract and its amendments as documents relevant for
 *       taxation and commercial letters: six years from the end of the calendar year.
 *   <li>The social-security number with the pay records (§28f(1) SGB IV, §8 BVV); Kontor keeps it as long as the
 *       Lohnkonto.
 * </ul>
 *
 * Booking vouchers (eight years since 2025) and books (ten years, §147(3) AO, §257(4) HGB) are the payroll's and
 * accounting's records, not hr's: the personnel file holds none.
 */
public final class EmployeeRetention {

    /** What stays, restricted, until the statutory retention ends, with the rule that makes it stay. */
    public static final List<String> KEPT_RESTRICTED = List.of(
            "name, birth date, address, tax id, start and leaving date: Lohnkonto (§41(1) EStG, §4 LStDV)",
            "social-security number: pay records (§28f(1) SGB IV, §8 BVV)",
            "employment contracts and their extensions: documents relevant for taxation (§147(1) no. 5, (3) AO,"
                    + " §257(1), (4) HGB)");

    /** What goes at the restriction: nothing obliges anyone to keep it. */
    public static final List<String> ERASED_AT_RESTRICTION = List.of(
            "e-mail address",
            "department",
            "bank account (IBAN)",
            "reason for leaving and who signed it",
            "references (Zeugnisse) with their ratings and texts",
            "the application and its interview notes",
            "the offboarding checklist");

    /**
     * @param restrictFrom the first day on which the file is restricted by itself
     * @param eraseFrom the first day on which the rest is erased
     */
    public record Plan(LocalDate restrictFrom, LocalDate eraseFrom) {

        /** The last day the restricted remainder is kept. */
        public LocalDate keptUntil() {
            return eraseFrom.minusDays(1);
        }
    }

    private EmployeeRetention() {}

    /**
     * @param claimsPeriod the limitation of claims from the employment (three years, §195 BGB)
     * @param statutoryRetention the longest retention duty of the file (six years, §41(1) EStG, §147(3) AO)
     */
    public static Plan plan(LocalDate leavingDate, Period claimsPeriod, Period statutoryRetention) {
        LocalDate endOfLeavingYear = LocalDate.of(leavingDate.getYear(), 12, 31);
        return new Plan(
                endOfLeavingYear.plus(claimsPeriod).plusDays(1),
                endOfLeavingYear.plus(statutoryRetention).plusDays(1));
    }
}
