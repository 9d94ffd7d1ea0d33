package io.kontor.hr.personnel;

import static io.kontor.hr.HrApi.as;
import static io.kontor.hr.HrApi.uniqueTaxId;
import static io.kontor.hr.personnel.PersonnelFileTest.importEmployee;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.kontor.hr.employee.Employee;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A key rotation in the database (Art. 32 GDPR): the test profile runs with key 2 current and key 1 previous. A file
 * written under key 1, as before the rotation, stays readable; the re-encryption job seals it with key 2, after which
 * key 2 alone opens it.
 */
@QuarkusTest
class PersonalDataRekeyingTest {

    private static final String KEY_1 = "a29udG9yLWRldmVsb3BtZW50LWtleS1uby1zZWNyZXQ=";
    private static final String KEY_2 = "dGVzdC1rZXktMi1hZnRlci10aGUtcm90YXRpb24tLS0=";

    @Inject
    PersonalDataRekeying rekeying;

    @Test
    void a_personnel_file_sealed_with_the_old_key_is_read_and_then_re_encrypted_with_the_new_one() {
        String taxId = uniqueTaxId();
        UUID employee = UUID.fromString(importEmployee("Rita", "Rotation", "2020-02-01", """
                "birthDate": "1980-05-17", "taxId": "%s", "iban": "DE89 3704 0044 0532 0130 00",
                "address": {"street": "Schlüsselweg 1", "postalCode": "20095", "city": "Hamburg", "country": "DE"}
                """.formatted(taxId)));
        sealAsBeforeTheRotation(employee, taxId);
        assertThat(sealedValues(employee)).allMatch(v -> v.startsWith("k1:"));

        as("hr").get("/employees/" + employee + "/personnel-file")
                .then()
                .statusCode(200)
                .body("taxId", equalTo(taxId))
                .body("iban", equalTo("DE89370400440532013000"))
                .body("address.street", equalTo("Schlüsselweg 1"));

        assertThat(rekeying.rekeyAll()).isGreaterThanOrEqualTo(1);

        assertThat(sealedValues(employee)).allMatch(v -> v.startsWith("k2:"));
        PersonalDataCipher onlyNewKey = PersonalDataCipher.withKeys("2", KEY_2, List.of());
        Employee stored = QuarkusTransaction.requiringNew().call(() -> Employee.findById(employee));
        assertThat(onlyNewKey.open(stored.taxIdSealed, PersonnelFiles.context(stored, "tax_id")))
                .isEqualTo(taxId);
        assertThat(stored.taxIdDigest).isEqualTo(onlyNewKey.digest("tax-id", taxId));
        as("hr").get("/employees/" + employee + "/personnel-file")
                .then()
                .statusCode(200)
                .body("birthDate", equalTo("1980-05-17"))
                .body("taxId", equalTo(taxId));
        assertThat(rekeying.rekeyAll()).as("nothing left under the old key").isZero();
    }

    /** What a file written before the rotation looks like: every value and digest under key 1. */
    private static void sealAsBeforeTheRotation(UUID id, String taxId) {
        PersonalDataCipher old = PersonalDataCipher.withKeys("1", KEY_1, List.of());
        QuarkusTransaction.requiringNew().run(() -> {
            Employee employee = Employee.findById(id);
            employee.birthDateSealed = old.seal("1980-05-17", PersonnelFiles.context(employee, "birth_date"));
            employee.taxIdSealed = old.seal(taxId, PersonnelFiles.context(employee, "tax_id"));
            employee.taxIdDigest = old.digest("tax-id", taxId);
            employee.ibanSealed = old.seal("DE89370400440532013000", PersonnelFiles.context(employee, "iban"));
            employee.addressSealed = old.seal(
                    "{\"street\":\"Schlüsselweg 1\",\"postalCode\":\"20095\",\"city\":\"Hamburg\",\"country\":\"DE\"}",
                    PersonnelFiles.context(employee, "address"));
        });
    }

    private static List<String> sealedValues(UUID id) {
        Employee employee = QuarkusTransaction.requiringNew().call(() -> Employee.findById(id));
        return Stream.of(employee.birthDateSealed, employee.taxIdSealed, employee.ibanSealed, employee.addressSealed)
                .toList();
    }
}
