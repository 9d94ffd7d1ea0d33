package io.kontor.sales.offer;

import io.kontor.platform.events.sales.BillingMode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An offer as the API shows it; {@code vatBreakdown} lists net and VAT per rate as the invoice will. */
public record OfferView(
        UUID id,
        String offerNumber,
        int revision,
        OfferStatus status,
        UUID customerId,
        BillingMode billing,
        String currency,
        LocalDate issueDate,
        LocalDate validUntil,
        BigDecimal netTotal,
        BigDecimal vatTotal,
        BigDecimal grossTotal,
        List<OfferTotals.VatGroup> vatBreakdown,
        List<Line> lines,
        Instant sentAt,
        Instant acceptedAt,
        Instant rejectedAt,
        String rejectionReason) {

    public record Line(
            String sku,
            String description,
            BigDecimal quantity,
            String unit,
            BigDecimal unitPrice,
            BigDecimal discountPercent,
            int vatRate,
            BigDecimal netAmount) {
    }

    public static OfferView of(Offer offer) {
        List<Line> lines = offer.lines.stream()
                .map(l -> new Line(l.sku, l.description, l.quantity, l.unit, l.unitPrice, l.discountPercent, l.vatRate, l.netAmount))
                .toList();
        return new OfferView(offer.id, offer.offerNumber, offer.revision, offer.status, offer.customerId, offer.billing,
                offer.currency, offer.issueDate, offer.validUntil, offer.netTotal, offer.vatTotal, offer.grossTotal,
                offer.totals().vatGroups(), lines, offer.sentAt, offer.acceptedAt, offer.rejectedAt, offer.rejectionReason);
    }
}
