package io.kontor.hr.personnel;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kontor.hr.contract.EmploymentContract;
import io.kontor.hr.employee.Employee;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/** Writes and reads the encrypted fields of an employee's personnel file; nothing else touches the sealed columns. */
@ApplicationScoped
public class PersonnelFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

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

    public void recordBankAndInsurance(Employee employee, String socialSecurityNumber, String iban) {
        employee.socialSecurityNumberSealed =
                cipher.seal(socialSecurityNumber, context(employee, "social_security_number"));
        employee.ibanSealed = cipher.seal(Iban.normalise(iban), context(employee, "iban"));
    }

    public String socialSecurityNumber(Employee employee) {
        return cipher.open(employee.socialSecurityNumberSealed, context(employee, "social_security_number"));
    }

    public String iban(Employee employee) {
        return cipher.open(employee.ibanSealed, context(employee, "iban"));
    }

    public void recordAddress(Employee employee, PostalAddress address) {
        employee.addressSealed = cipher.seal(json(address), context(employee, "address"));
    }

    public PostalAddress address(Employee employee) {
        return address(cipher.open(employee.addressSealed, context(employee, "address")));
    }

    /** The address as the contract names the employee: kept with it, as signed, whatever the file says later. */
    public void recordContractAddress(EmploymentContract contract, PostalAddress address) {
        contract.employeeAddressSealed =
                cipher.seal(json(address), "employment_contract.employee_address/" + contract.id);
    }

    public PostalAddress contractAddress(EmploymentContract contract) {
        return address(
                cipher.open(contract.employeeAddressSealed, "employment_contract.employee_address/" + contract.id));
    }

    private static String json(PostalAddress address) {
        try {
            return address == null ? null : JSON.writeValueAsString(address);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static PostalAddress address(String json) {
        try {
            return json == null ? null : JSON.readValue(json, PostalAddress.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether another employee record is the same person: same tax id, or same name and birth date. Every earlier
     * employment counts, however long ago (BVerfG 1 BvL 7/14: the courts allow exceptions for one very long ago, which
     * HR then decides with an objective reason, not Kontor by a cut-off).
     */
    public boolean employedBefore(Employee employee, Identity identity) {
        if (identity.normalisedTaxId() == null && identity.birthDate() == null) {
            return false;
        }
        List<String> taxIdDigests = identity.normalisedTaxId() == null
                ? List.of("-")
                : cipher.digests("tax-id", identity.normalisedTaxId());
        List<String> nameBirthDigests = identity.birthDate() == null
                ? List.of("-")
                : cipher.digests(
                        "name-birth", employee.firstName + "|" + employee.lastName + "|" + identity.birthDate());
        return Employee.count(
                        "id <> ?1 and (taxIdDigest in ?2 or nameBirthDigest in ?3)",
                        employee.id,
                        taxIdDigests,
                        nameBirthDigests)
                > 0;
    }

    /**
     * Seals every personal value of the employee and their contracts again with the current key and recomputes the
     * blind indexes, if any was sealed with an old one (key rotation).
     *
     * @return whether anything was re-encrypted
     */
    public boolean reseal(Employee employee) {
        List<EmploymentContract> contracts = EmploymentContract.of(employee.id);
        boolean old = Stream.of(
                                employee.birthDateSealed,
                                employee.taxIdSealed,
                                employee.addressSealed,
                                employee.socialSecurityNumberSealed,
                                employee.ibanSealed)
                        .anyMatch(cipher::sealedWithOldKey)
                || contracts.stream().anyMatch(c -> cipher.sealedWithOldKey(c.employeeAddressSealed));
        if (!old) {
            return false;
        }
        Identity identity = identity(employee);
        PostalAddress address = address(employee);
        String socialSecurityNumber = socialSecurityNumber(employee);
        String iban = iban(employee);
        recordIdentity(employee, identity);
        recordAddress(employee, address);
        recordBankAndInsurance(employee, socialSecurityNumber, iban);
        for (EmploymentContract contract : contracts) {
            if (cipher.sealedWithOldKey(contract.employeeAddressSealed)) {
                recordContractAddress(contract, contractAddress(contract));
            }
        }
        return true;
    }

    static String context(Employee employee, String column) {
        return "employee." + column + "/" + employee.id;
    }
}
