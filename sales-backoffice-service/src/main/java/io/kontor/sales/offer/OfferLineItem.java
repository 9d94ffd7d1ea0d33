package io.kontor.sales.offer;

import io.kontor.platform.events.sales.OfferLine;
import io.kontor.platform.events.sales.TaxTreatment;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;

/** One line of an offer, priced when the offer was made: later catalogue changes do not touch it. */
@Embeddable
public class OfferLineItem {

    @Column(nullable = false, length = 64)
    public String sku;
    /** The product's name at the time of the offer. */
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

    /** A regular line always; an optional one once the customer has chosen it. */
    boolean counts() {
        return !optional || chosen;
    }

    OfferTotals.Line forTotals() {
        return new OfferTotals.Line(netAmount, BigDecimal.valueOf(vatRate));
    }

    OfferLine toEvent() {
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
                customerRequirement);
    }
}
