package io.kontor.platform.events.sales;

import java.math.BigDecimal;

/**
 * One priced line of an accepted offer, with everything an invoice line needs. {@code vatRate} is the rate charged (0
 * unless {@code taxTreatment} is DOMESTIC); {@code taxReason} is why the treatment was set by hand, and for EXEMPT the
 * exemption itself. Events from before the tax treatment existed carry none: those lines are DOMESTIC.
 * {@code customerRequirement} marks a line the customer asked for as a requirement (product development files it as a
 * draft); false in events from before it existed. {@code kind} is PRODUCT (a catalogue SKU), FREE (no SKU, priced by
 * staff) or TEXT (a heading: description only, quantity, prices and amounts null, in no total); null in events from
 * before free and text lines, meaning PRODUCT.
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
        String taxReason,
        boolean customerRequirement,
        OfferLineKind kind) {}
