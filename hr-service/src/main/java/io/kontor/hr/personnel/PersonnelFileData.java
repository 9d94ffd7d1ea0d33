package io.kontor.hr.personnel;

import io.kontor.platform.problem.Problem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The sensitive part of a personnel file as HR writes and reads it; stored encrypted, shown to hr and admin only.
 *
 * @param socialSecurityNumber the Versicherungsnummer of the pension insurance (§147 SGB VI)
 */
public record PersonnelFileData(
        LocalDate birthDate,
        @Size(max = 20) String taxId,
        @Size(max = 20) String socialSecurityNumber,
        @Size(max = 42) String iban,
        @Valid PostalAddress address) {

    /** Area (2 digits), birth date (6), initial of the birth name, serial (2), check digit: "65170839J003". */
    private static final Pattern SOCIAL_SECURITY_NUMBER = Pattern.compile("[0-9]{8}[A-Z][0-9]{3}");

    public Identity identity() {
        return new Identity(birthDate, taxId);
    }

    public String normalisedSocialSecurityNumber() {
        return socialSecurityNumber == null || socialSecurityNumber.isBlank()
                ? null
                : socialSecurityNumber.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    }

    public List<Problem.Violation> violations(LocalDate today) {
        List<Problem.Violation> violations = new ArrayList<>(identity().violations(today));
        String ssn = normalisedSocialSecurityNumber();
        if (ssn != null && !SOCIAL_SECURITY_NUMBER.matcher(ssn).matches()) {
            violations.add(new Problem.Violation(
                    "socialSecurityNumber", "must be the 12-character Versicherungsnummer (§147 SGB VI)"));
        }
        if (iban != null && !iban.isBlank() && !Iban.isValid(iban)) {
            violations.add(new Problem.Violation("iban", "is not a valid IBAN (ISO 13616 check digits)"));
        }
        return violations;
    }
}
