package io.kontor.hr.personnel;

import io.kontor.platform.problem.Problem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Who a person is, beyond a name that others share: the birth date (with the name) or the tax id (Steuer-IdNr, §139b
 * AO), which stays the same for life and across name changes. Either is enough to find an earlier employment with us.
 */
public record Identity(LocalDate birthDate, String taxId) {

    /** Eleven digits, the first not 0 (§139b AO, Steueridentifikationsnummerverordnung). */
    private static final Pattern TAX_ID = Pattern.compile("[1-9][0-9]{10}");

    public List<Problem.Violation> violations(LocalDate today) {
        List<Problem.Violation> violations = new ArrayList<>();
        if (birthDate == null && (taxId == null || taxId.isBlank())) {
            violations.add(new Problem.Violation(
                    "birthDate",
                    "or taxId is required: the employee's identity, to find an earlier employment with us"
                            + " (§14(2) sentence 2 TzBfG)"));
        }
        if (birthDate != null && !birthDate.isBefore(today)) {
            violations.add(new Problem.Violation("birthDate", "must be in the past"));
        }
        if (taxId != null
                && !taxId.isBlank()
                && !TAX_ID.matcher(normalisedTaxId()).matches()) {
            violations.add(new Problem.Violation("taxId", "must be the 11-digit Steuer-IdNr (§139b AO)"));
        }
        return violations;
    }

    /** Written with or without blanks ("12 345 678 901"): the digits count. */
    public String normalisedTaxId() {
        return taxId == null || taxId.isBlank() ? null : taxId.replaceAll("\\s", "");
    }
}
