package io.kontor.accounting.document;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * Who issues the invoices: §14 (4) Nr. 1 and 2 UStG name, address and tax numbers; EN 16931 wants a contact and bank.
 */
@ConfigMapping(prefix = "kontor.accounting.seller")
public interface SellerConfig {

    String name();

    String street();

    String postalCode();

    String city();

    /** ISO 3166-1 alpha-2. */
    String country();

    /** USt-IdNr. (§27a UStG). */
    String vatId();

    /**
     * The commercial register number ("HRB 12345"), EN 16931 BT-30. An invoice outside the scope of VAT must not name
     * the VAT id (BR-O-02) but must still identify the seller (BR-CO-26): by this.
     */
    Optional<String> registerNumber();

    /** Steuernummer, optional when a VAT id is given (§14 (4) Nr. 2 UStG). */
    Optional<String> taxNumber();

    String contactName();

    String phone();

    String email();

    String iban();

    String bic();

    String bankName();

    /**
     * The company is a small business (Kleinunternehmer, §19 UStG): no invoice shows VAT. The same switch as sales'
     * ({@code KONTOR_SMALL_BUSINESS}).
     */
    @WithDefault("false")
    boolean smallBusiness();
}
