package io.kontor.accounting.document;

import io.kontor.platform.company.CompanyProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The seller as documents issued now name it: the platform's company profile, the one sales' offers name too, read as
 * it is (one source, no copy). A bean of its own only because the configuration is not replaceable while running: a
 * test replaces this bean to change the seller and see that documents issued before stay as they were.
 */
@ApplicationScoped
public class SellerOfRecord {

    @Inject
    CompanyProfile company;

    public CompanyProfile current() {
        return company;
    }

    /**
     * What §35a GmbHG asks of business letters besides the address: seat, register court and number, managing
     * directors; empty when the profile has none of them.
     */
    static Optional<String> companyLine(CompanyProfile seller) {
        StringBuilder line = new StringBuilder(seller.register().orElse(""));
        seller.managingDirectors()
                .ifPresent(directors -> line.append(line.length() == 0 ? "" : " · ")
                        .append("Geschäftsführung: ")
                        .append(directors));
        return line.length() == 0 ? Optional.empty() : Optional.of(line.toString());
    }
}
