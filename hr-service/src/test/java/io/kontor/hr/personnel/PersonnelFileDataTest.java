package io.kontor.hr.personnel;

import static org.assertj.core.api.Assertions.assertThat;

import io.kontor.platform.problem.Problem;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PersonnelFileDataTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 3, 1);

    @ParameterizedTest(name = "birth {0}, tax id {1}, SSN {2}, IBAN {3} → wrong: {4}")
    @CsvSource(
            nullValues = "-",
            value = {
                // birth,     tax id,           SSN (§147 SGB VI),  IBAN (ISO 13616),               wrong field
                "1990-05-17,  -,                -,                  -,                              -",
                "-,           86095742719,      -,                  -,                              -",
                "-,           '86 095 742 719', -,                  -,                              -",
                "-,           -,                -,                  -,                              birthDate",
                "-,           08609574271,      -,                  -,                              taxId",
                "-,           8609574271,       -,                  -,                              taxId",
                "2027-03-01,  -,                -,                  -,                              birthDate",
                "1990-05-17,  -,                65170839J003,       -,                              -",
                "1990-05-17,  -,                '65 170839 j 003',  -,                              -",
                "1990-05-17,  -,                6517083J003,        -,                              socialSecurityNumber",
                "1990-05-17,  -,                -,                  DE89370400440532013000,         -",
                "1990-05-17,  -,                -,                  'de89 3704 0044 0532 0130 00',  -",
                "1990-05-17,  -,                -,                  DE89370400440532013001,         iban",
                "1990-05-17,  -,                -,                  DE8937040044053201300,          iban",
                "1990-05-17,  -,                -,                  GB82WEST12345698765432,         -",
            })
    void each_identifier_is_checked_and_named(
            LocalDate birthDate, String taxId, String ssn, String iban, String wrongField) {
        PersonnelFileData file = new PersonnelFileData(birthDate, taxId, ssn, iban, null);

        assertThat(file.violations(TODAY))
                .extracting(Problem.Violation::field)
                .containsExactlyElementsOf(wrongField == null ? java.util.List.of() : java.util.List.of(wrongField));
    }
}
