package io.kontor.platform.events.sales;

import java.math.BigDecimal;

/**
 * One priced line of an accepted offer, with everything an invoice line needs. {@code vatRate} is the rate charged (0
 * unless {@code taxTreatment} is DOMESTIC); {@code taxReason} is why the treatment was set by hand, and for EXEMPT the
 * exemption itself. Events from before the tax treatment existed carry none: those lines are DOMESTIC.
 */
public record OfferLine(
        String sku,
        String description,
        BigDecimal quantity,
        String unit,
        BigDecimal unitPrice,
        BigDecimal discountPercent,
        BigDecimal vatRate,
        BigDecimal netAmount,
        TaxTreatment taxTreatment,
        String taxReason) {

    /** A domestic line, as events were before the tax treatment. */
    public OfferLine(
            String sku,
            String description,
            BigDecimal quantity,
            String unit,
            BigDecimal unitPrice,
            BigDecimal discountPercent,
            BigDecimal vatRate,
            BigDecimal netAmount) {
        this(sku, description, quantity, unit, unitPrice, discountPercent, vatRate, netAmount, null, null);
    }
}
