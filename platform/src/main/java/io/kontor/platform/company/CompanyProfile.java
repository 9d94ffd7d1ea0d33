package io.kontor.platform.company;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * Who the company is, once for every service: the seller on offers, invoices, credit notes and dunning letters (§14 (4)
 * Nr. 1 and 2 UStG: name, address, VAT id or tax number; §35a GmbHG: register court and number, managing directors on
 * business letters), its bank and contact. Keys {@code kontor.company.*}, set by the {@code KONTOR_SELLER_*} variables
 * of the {@code kontor-company} ConfigMap (defaults: a demonstration company, platform's microprofile-config).
 * Documents already issued keep the profile they were rendered with (they are stored, never rendered again).
 */
@ConfigMapping(prefix = "kontor.company")
public interface CompanyProfile {

    String name();

    String street();

    String postalCode();

    String city();

    /** ISO 3166-1 alpha-2. */
    String country();

    /** USt-IdNr. (§27a UStG). */
    String vatId();

    /** Steuernummer, optional when a VAT id is given (§14 (4) Nr. 2 UStG). */
    Optional<String> taxNumber();

    /** "Amtsgericht Hamburg". */
    Optional<String> registerCourt();

    /** "HRB 12345" (EN 16931 BT-30). */
    Optional<String> registerNumber();

    /** "Erika Mustermann, Max Mustermann". */
    Optional<String> managingDirectors();

    /** The person or department named as contact on e-invoices (BT-41). */
    String contactName();

    String phone();

    String email();

    String iban();

    String bic();

    String bankName();

    /** A line of text in place of a logo at the top of letters; the name when not set. */
    Optional<String> logoText();

    /** The company is a small business (Kleinunternehmer, §19 UStG): no document shows VAT. */
    @WithDefault("false")
    boolean smallBusiness();

    /** "Sitz Hamburg, Amtsgericht Hamburg HRB 12345", or empty without register data. */
    default Optional<String> register() {
        if (registerCourt().isEmpty() && registerNumber().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Sitz " + city() + ", "
                + String.join(" ", registerCourt().orElse(""), registerNumber().orElse(""))
                        .strip());
    }
}
