package io.kontor.accounting.document;

import io.kontor.platform.events.sales.TaxTreatment;
import java.math.BigDecimal;

/**
 * A tax treatment as EN 16931 names it: the VAT category code (UNTDID 5305, BT-118/BT-151) and, for every category but
 * S and Z, the exemption reason (BT-120 text, BT-121 VATEX code) that BR-AE-10, BR-IC-10, BR-G-10, BR-E-10 and BR-O-10
 * require.
 */
public record VatCategory(String code, String exemptionReasonCode, String exemptionReason) {

    public static VatCategory of(TaxTreatment treatment, BigDecimal rate, String reason) {
        TaxTreatment t = treatment == null ? TaxTreatment.DOMESTIC : treatment;
        return switch (t) {
            case DOMESTIC -> new VatCategory(rate.signum() == 0 ? "Z" : "S", null, null);
            case REVERSE_CHARGE_13B, EU_B2B_SERVICE -> new VatCategory("AE", "VATEX-EU-AE", t.legalNote(reason));
            case INTRA_EU_SUPPLY -> new VatCategory("K", "VATEX-EU-IC", t.legalNote(reason));
            case EXPORT -> new VatCategory("G", "VATEX-EU-G", t.legalNote(reason));
            case NOT_TAXABLE_IN_DE -> new VatCategory("O", "VATEX-EU-O", t.legalNote(reason));
            // §4 UStG exemptions and, since 2025, §19 (1) UStG ("steuerfrei") are exemptions: category E. There is no
            // VATEX code for either, so the text alone names the rule.
            case EXEMPT, SMALL_BUSINESS_19 -> new VatCategory("E", null, t.legalNote(reason));
        };
    }

    /** EN 16931 BR-O-02: an invoice outside the scope of VAT names no VAT identifier, the seller's nor the buyer's. */
    public boolean outOfScope() {
        return "O".equals(code);
    }
}
