package io.kontor.accounting.document;

import java.util.Optional;

/**
 * Who issues the invoices: §14 (4) Nr. 1 and 2 UStG name, address and tax numbers; EN 16931 wants a contact and bank.
 * What the documents need of the platform's company profile ({@link SellerOfRecord} makes one of it), and what a
 * document test gives them.
 */
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
    boolean smallBusiness();

    /** "Amtsgericht Hamburg" (§35a GmbHG on business letters). */
    default Optional<String> registerCourt() {
        return Optional.empty();
    }

    /** The managing directors (§35a GmbHG). */
    default Optional<String> managingDirectors() {
        return Optional.empty();
    }

    /**
     * What §35a GmbHG asks of business letters besides the address: seat, register court and number, managing
     * directors; empty when the profile has none of them.
     */
    static Optional<String> companyLine(SellerConfig seller) {
        StringBuilder line = new StringBuilder();
        if (seller.registerCourt().isPresent() || seller.registerNumber().isPresent()) {
            line.append("Sitz ").append(seller.city()).append(", ");
            line.append(String.join(
                            " ",
                            seller.registerCourt().orElse(""),
                            seller.registerNumber().orElse(""))
                    .strip());
        }
        seller.managingDirectors()
                .ifPresent(directors -> line.append(line.length() == 0 ? "" : " · ")
                        .append("Geschäftsführung: ")
                        .append(directors));
        return line.length() == 0 ? Optional.empty() : Optional.of(line.toString());
    }
}
