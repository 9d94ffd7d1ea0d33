package io.kontor.hr.personnel;

import io.kontor.hr.employee.Employee;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;

/** Writes and reads the encrypted fields of an employee's personnel file; nothing else touches the sealed columns. */
@ApplicationScoped
public class PersonnelFiles {

    @Inject
    PersonalDataCipher cipher;

    public void recordIdentity(Employee employee, Identity identity) {
        employee.birthDateSealed = cipher.seal(
                identity.birthDate() == null ? null : identity.birthDate().toString(), context(employee, "birth_date"));
        employee.taxIdSealed = cipher.seal(identity.normalisedTaxId(), context(employee, "tax_id"));
        employee.taxIdDigest =
                identity.normalisedTaxId() == null ? null : cipher.digest("tax-id", identity.normalisedTaxId());
        employee.nameBirthDigest = identity.birthDate() == null
                ? null
                : cipher.digest(
                        "name-birth", employee.firstName + "|" + employee.lastName + "|" + identity.birthDate());
    }

    public Identity identity(Employee employee) {
        String birthDate = cipher.open(employee.birthDateSealed, context(employee, "birth_date"));
        return new Identity(
                birthDate == null ? null : LocalDate.parse(birthDate),
                cipher.open(employee.taxIdSealed, context(employee, "tax_id")));
    }

    /**
     * Whether another employee record is the same person: same tax id, or same name and birth date. Every earlier
     * employment counts, however long ago (BVerfG 1 BvL 7/14: the courts allow exceptions for one very long ago, which
     * HR then decides with an objective reason, not Kontor by a cut-off).
     */
    public boolean employedBefore(Employee employee) {
        if (employee.taxIdDigest == null && employee.nameBirthDigest == null) {
            return false;
        }
        return Employee.count(
                        "id <> ?1 and (taxIdDigest = ?2 or nameBirthDigest = ?3)",
                        employee.id,
                        employee.taxIdDigest == null ? "-" : employee.taxIdDigest,
                        employee.nameBirthDigest == null ? "-" : employee.nameBirthDigest)
                > 0;
    }

    static String context(Employee employee, String column) {
        return "employee." + column + "/" + employee.id;
    }
}
