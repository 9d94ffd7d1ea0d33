package io.kontor.sales.offer;

import io.kontor.platform.events.sales.OfferLine;
import io.kontor.platform.events.sales.OfferLineKind;
import io.kontor.platform.events.sales.TaxTreatment;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;

/** One line of an offer, priced when the offer was made: later catalogue changes do not touch it. */
@Embeddable
public class OfferLineItem {

    /** The catalogue item's SKU; null for a free or a text line. */
    @Column(length = 64)
    public String sku;
    /** PRODUCT, FREE or TEXT; a text line stores zeros for its amounts and counts in no total. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public OfferLineKind kind = OfferLineKind.PRODUCT;
    /** The product's name at the time of the offer, the text staff wrote for a free line, or a heading's text. */
    @Column(nullable = false, length = 200)
    public String description;

    @Column(nullable = false, precision = 12, scale = 3)
    public BigDecimal quantity;

    @Column(nullable = false, length = 20)
    public String unit;

    @Column(nullable = false, precision = 12, scale = 2)
    public BigDecimal unitPrice;

    @Column(nullable = false, precision = 5, scale = 2)
    public BigDecimal discountPercent;

    @Column(nullable = false)
    public int vatRate;

    @Column(nullable = false, precision = 19, scale = 2)
    public BigDecimal netAmount;
    /** Offered as an option (Optionsposition): priced and shown, but not in the totals unless {@link #chosen}. */
    @Column(nullable = false)
    public boolean optional;

    @Column(nullable = false)
    public boolean chosen;
    /** How VAT applies; {@link #vatRate} is the rate charged, 0 unless DOMESTIC. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    public TaxTreatment taxTreatment;
    /** Why the treatment was set by hand (for EXEMPT: the exemption); null when derived. */
    @Column(length = 500)
    public String taxReason;
    /** The customer asked for this: product development files it as a requirement once the offer is accepted. */
    @Column(name = "customer_requirement", nullable = false)
    public boolean customerRequirement;

    /** A regular line always; an optional one once the customer has chosen it; a text line never. */
    boolean counts() {
        return kind != OfferLineKind.TEXT && (!optional || chosen);
    }

    /** A text line is part of what the customer reads, not of what they buy. */
    boolean isText() {
        return kind == OfferLineKind.TEXT;
    }

    /** The unit price with VAT, as a consumer is shown it (§1 PAngV); null for a text line. */
    BigDecimal grossUnitPrice() {
        return isText() ? null : OfferTotals.gross(unitPrice, BigDecimal.valueOf(vatRate));
    }

    /** The line's amount with VAT, as a consumer is shown it (§1 PAngV); null for a text line. */
    BigDecimal grossAmount() {
        return isText() ? null : OfferTotals.gross(netAmount, BigDecimal.valueOf(vatRate));
    }

    OfferTotals.Line forTotals() {
        return new OfferTotals.Line(netAmount, BigDecimal.valueOf(vatRate));
    }

    /** The line as events carry it: a text line without quantity, prices, VAT and amount. */
    OfferLine toEvent() {
        if (isText()) {
            return new OfferLine(
                    null, description, null, null, null, null, null, null, null, null, false, OfferLineKind.TEXT);
        }
        return new OfferLine(
                sku,
                description,
                quantity,
                unit,
                unitPrice,
                discountPercent,
                BigDecimal.valueOf(vatRate),
                netAmount,
                taxTreatment,
                taxReason,
                customerRequirement,
                kind);
    }
}
