package io.kontor.platform.events.sales;

import java.math.BigDecimal;

/** One priced line of an accepted offer, with everything an invoice line needs. */
public record OfferLine(
        String sku,
        String description,
        BigDecimal quantity,
        String unit,
        BigDecimal unitPrice,
        BigDecimal discountPercent,
        BigDecimal vatRate,
        BigDecimal netAmount) {}
