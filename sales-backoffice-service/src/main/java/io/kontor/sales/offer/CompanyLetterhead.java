package io.kontor.sales.offer;

import io.kontor.platform.company.CompanyProfile;
import io.kontor.sales.SalesConfig;
import java.util.Optional;

/** The offer's letterhead and footer from the platform's company profile, the seller accounting's invoices name too. */
public final class CompanyLetterhead {

    private CompanyLetterhead() {}

    public static SalesConfig.Letterhead of(CompanyProfile company) {
        return new SalesConfig.Letterhead() {
            @Override
            public String companyName() {
                return company.name();
            }

            @Override
            public String street() {
                return company.street();
            }

            @Override
            public String postalCode() {
                return company.postalCode();
            }

            @Override
            public String city() {
                return company.city();
            }

            @Override
            public String email() {
                return company.email();
            }

            @Override
            public Optional<String> phone() {
                return Optional.of(company.phone());
            }

            @Override
            public Optional<String> vatId() {
                return Optional.of(company.vatId());
            }

            @Override
            public Optional<String> register() {
                return company.register();
            }

            @Override
            public Optional<String> managingDirectors() {
                return company.managingDirectors();
            }

            @Override
            public Optional<String> bankAccount() {
                return Optional.of("IBAN " + company.iban() + " · BIC " + company.bic() + " · " + company.bankName());
            }
        };
    }
}
