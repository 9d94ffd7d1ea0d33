package io.kontor.platform.events.sales;

import java.util.Set;

/**
 * How German VAT applies to one line of an offer or invoice. Sales derives it when it prices an offer and accounting
 * when it drafts a manual invoice, by the same {@link #derive} rules, so that what the customer was offered is what
 * they are invoiced. It decides the rate actually charged (only {@link #DOMESTIC} charges German VAT), the legal note
 * the invoice must print and, in accounting, the EN 16931 VAT category. Showing German VAT where none is owed makes it
 * owed anyway (§14c UStG), hence the care.
 */
public enum TaxTreatment {
    /** German VAT at the product's rate (19 %, 7 % or 0 %): the place of supply is Germany. */
    DOMESTIC(null),
    /** The recipient owes the VAT (§13b UStG), e.g. construction services to a builder; set by hand, never derived. */
    REVERSE_CHARGE_13B("Steuerschuldnerschaft des Leistungsempfängers (§13b UStG)"),
    /** Goods to a business in another member state with a VAT id (§4 Nr. 1b, §6a UStG). */
    INTRA_EU_SUPPLY("Steuerfreie innergemeinschaftliche Lieferung (§4 Nr. 1b, §6a UStG)"),
    /** A service to a business in another member state: taxable where the recipient is (§3a (2) UStG). */
    EU_B2B_SERVICE("Steuerschuldnerschaft des Leistungsempfängers (Reverse Charge, §3a Abs. 2 UStG)"),
    /** Goods leaving the EU (§4 Nr. 1a, §6 UStG). */
    EXPORT("Steuerfreie Ausfuhrlieferung (§4 Nr. 1a, §6 UStG)"),
    /** A service to a business outside the EU: taxable where the recipient is, not in Germany (§3a (2) UStG). */
    NOT_TAXABLE_IN_DE("Nicht im Inland steuerbare Leistung (§3a Abs. 2 UStG)"),
    /** Exempt by a rule of §4 UStG the line names in its reason, e.g. "§4 Nr. 14 UStG" (medical care). */
    EXEMPT(null),
    /** The seller is a small business (Kleinunternehmer, §19 UStG), a company-wide setting: no VAT is shown. */
    SMALL_BUSINESS_19("Gemäß §19 UStG wird keine Umsatzsteuer berechnet.");

    /**
     * Member states by ISO 3166-1 country code (billing addresses use GR for Greece, whose VAT ids start with EL).
     * Northern Ireland (XI) is not listed: its customers bill with GB addresses, and goods to it are outside scope.
     */
    public static final Set<String> EU_MEMBER_STATES = Set.of(
            "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU",
            "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK");

    private final String fixedNote;

    TaxTreatment(String fixedNote) {
        this.fixedNote = fixedNote;
    }

    /** Only a domestic line carries German VAT; every other treatment is invoiced at 0 %. */
    public boolean chargesGermanVat() {
        return this == DOMESTIC;
    }

    /**
     * The buyer's VAT id must be on the invoice: §14a (1) and (3) UStG for reverse charge and intra-EU supplies (and EN
     * 16931 BR-AE-02, BR-IC-02).
     */
    public boolean needsBuyerVatId() {
        return this == INTRA_EU_SUPPLY || this == EU_B2B_SERVICE || this == REVERSE_CHARGE_13B;
    }

    /**
     * The note the invoice must carry for this treatment (§14a UStG, §19 (1) UStG, §4 UStG); {@code reason} is the
     * exemption's own text for {@link #EXEMPT}. Null for domestic lines, which need none.
     */
    public String legalNote(String reason) {
        if (this == EXEMPT) {
            return "Steuerfreie Leistung: " + reason;
        }
        return fixedNote;
    }

    /**
     * The treatment the law gives a line when nobody overrides it: the seller is German, {@code smallBusiness} is the
     * company-wide §19 switch. EU consumers pay German VAT (OSS is not supported); a business elsewhere in the EU
     * without a VAT id too, because only the id proves the exemption (§6a (1) Nr. 4 UStG) or the business status (§3a
     * (2), UStAE 3a.2 (9)). Services to consumers outside the EU stay domestic (§3a (1)); the §3a (4) catalogue is an
     * override.
     */
    public static TaxTreatment derive(
            CustomerType customerType,
            String billingCountry,
            String buyerVatId,
            SupplyKind kind,
            boolean smallBusiness) {
        if (smallBusiness) {
            return SMALL_BUSINESS_19;
        }
        if (billingCountry == null || "DE".equals(billingCountry)) {
            return DOMESTIC;
        }
        boolean goods = kind == SupplyKind.GOODS;
        boolean business = customerType == CustomerType.BUSINESS;
        if (EU_MEMBER_STATES.contains(billingCountry)) {
            if (!business || buyerVatId == null || buyerVatId.isBlank()) {
                return DOMESTIC;
            }
            return goods ? INTRA_EU_SUPPLY : EU_B2B_SERVICE;
        }
        if (goods) {
            return EXPORT;
        }
        return business ? NOT_TAXABLE_IN_DE : DOMESTIC;
    }
}
