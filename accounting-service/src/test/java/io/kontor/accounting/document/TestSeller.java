package io.kontor.accounting.document;

import io.kontor.platform.company.CompanyProfile;
import java.util.Optional;

/** The seller of the documents under test, as the configuration would give it. */
final class TestSeller implements CompanyProfile {
    public String name() {
        return "Kontor Demo GmbH";
    }

    public String street() {
        return "Speicherstadt 1";
    }

    public String postalCode() {
        return "20457";
    }

    public String city() {
        return "Hamburg";
    }

    public String country() {
        return "DE";
    }

    public String vatId() {
        return "DE123456789";
    }

    public Optional<String> registerNumber() {
        return Optional.of("HRB 12345");
    }

    public Optional<String> taxNumber() {
        return Optional.of("22/815/08154");
    }

    public String contactName() {
        return "Buchhaltung";
    }

    public String phone() {
        return "+49 40 1234567";
    }

    public String email() {
        return "buchhaltung@kontor.example";
    }

    public String iban() {
        return "DE02120300000000202051";
    }

    public String bic() {
        return "BYLADEM1001";
    }

    public String bankName() {
        return "Deutsche Kreditbank Berlin";
    }

    public Optional<String> registerCourt() {
        return Optional.empty();
    }

    public Optional<String> managingDirectors() {
        return Optional.empty();
    }

    public Optional<String> logoText() {
        return Optional.empty();
    }

    public boolean smallBusiness() {
        return false;
    }
}
