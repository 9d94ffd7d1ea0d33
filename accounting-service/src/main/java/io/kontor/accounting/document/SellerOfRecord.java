package io.kontor.accounting.document;

import io.kontor.platform.company.CompanyProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The seller as invoices issued now name it: the platform's company profile, the one sales' offers name too. A bean of
 * its own (the configuration is not replaceable while running), so that a test can change the seller and see that
 * documents issued before stay as they were.
 */
@ApplicationScoped
public class SellerOfRecord {

    @Inject
    CompanyProfile company;

    public SellerConfig current() {
        return of(company);
    }

    /** The company profile as the documents read it. */
    @Produces
    @ApplicationScoped
    SellerConfig seller() {
        return of(company);
    }

    public static SellerConfig of(CompanyProfile company) {
        return new SellerConfig() {
            @Override
            public String name() {
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
            public String country() {
                return company.country();
            }

            @Override
            public String vatId() {
                return company.vatId();
            }

            @Override
            public Optional<String> registerNumber() {
                return company.registerNumber();
            }

            @Override
            public Optional<String> taxNumber() {
                return company.taxNumber();
            }

            @Override
            public String contactName() {
                return company.contactName();
            }

            @Override
            public String phone() {
                return company.phone();
            }

            @Override
            public String email() {
                return company.email();
            }

            @Override
            public String iban() {
                return company.iban();
            }

            @Override
            public String bic() {
                return company.bic();
            }

            @Override
            public String bankName() {
                return company.bankName();
            }

            @Override
            public boolean smallBusiness() {
                return company.smallBusiness();
            }

            @Override
            public Optional<String> registerCourt() {
                return company.registerCourt();
            }

            @Override
            public Optional<String> managingDirectors() {
                return company.managingDirectors();
            }
        };
    }
}
