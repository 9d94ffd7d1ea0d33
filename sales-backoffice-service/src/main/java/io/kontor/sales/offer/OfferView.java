package io.kontor.sales.offer;

import io.kontor.platform.events.sales.BillingMode;
import io.kontor.platform.events.sales.CustomerSnapshot;
import io.kontor.platform.events.sales.DocumentDiscount;
import io.kontor.platform.events.sales.OfferLineKind;
import io.kontor.platform.events.sales.TaxTreatment;
import io.kontor.platform.events.sales.TermsVersion;
import io.kontor.sales.customer.Customer;
import io.kontor.sales.review.OfferReviewEntry;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An offer as the API shows it; {@code vatBreakdown} lists net and VAT per rate as the invoice will, {@code invoiceIds}
 * and {@code paid} what accounting reported about its invoices. {@code linesNetTotal} is the lines' sum before the
 * {@code documentDiscount} (null without one), {@code netTotal} after it. {@code pricesGross}: made for a consumer, so
 * its lines show {@code grossUnitPrice} and {@code grossAmount} (§1 PAngV; null for a business). {@code recipient}: the
 * address and payment terms the offer was sent with (null until sent).
 */
public record OfferView(
        UUID id,
        String offerNumber,
        int revision,
        UUID previousRevisionId,
        UUID supersededById,
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
        UUID templateId,
        String introText,
        String termsText,
        String purchaseOrderReference,
        LocalDate serviceFrom,
        LocalDate serviceUntil,
        List<Line> lines,
        Instant sentAt,
        Instant acceptedAt,
        Instant rejectedAt,
        String rejectionReason,
        Instant expiredAt,
        List<UUID> invoiceIds,
        List<Invoice> invoices,
        boolean paid,
        TermsVersion terms,
        Acceptance acceptance,
        List<ReviewStep> review,
        BigDecimal linesNetTotal,
        DocumentDiscount documentDiscount,
        boolean pricesGross,
        CustomerSnapshot recipient) {

    /**
     * A step of the offer's legal review: REQUESTED (with reasons), APPROVED or REJECTED (comment), RETURNED_TO_DRAFT.
     */
    public record ReviewStep(
            OfferReviewEntry.Kind kind, List<String> reasons, String comment, String actor, Instant at) {}

    /**
     * The proof of §305 (2) BGB: which AGB version was accepted, when, declared by whom and recorded by whom (the
     * caller's token issuer and subject).
     */
    public record Acceptance(Instant acceptedAt, TermsVersion terms, String acceptedBy, String recordedBy) {}

    /** An invoice accounting issued for the offer: ISSUED, PAID or CANCELLED. */
    public record Invoice(UUID invoiceId, String invoiceNumber, OfferInvoice.Status status) {}

    /**
     * {@code position} counts from 1; an optional line counts in the totals only when {@code chosen}; a TEXT line has
     * only its description.
     */
    public record Line(
            int position,
            OfferLineKind kind,
            String sku,
            String description,
            BigDecimal quantity,
            String unit,
            BigDecimal unitPrice,
            BigDecimal discountPercent,
            Integer vatRate,
            BigDecimal netAmount,
            boolean optional,
            boolean chosen,
            TaxTreatment taxTreatment,
            String taxReason,
            boolean customerRequirement,
            BigDecimal grossUnitPrice,
            BigDecimal grossAmount) {}

    public static OfferView of(Offer offer) {
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < offer.lines.size(); i++) {
            OfferLineItem l = offer.lines.get(i);
            if (l.isText()) {
                lines.add(new Line(
                        i + 1,
                        l.kind,
                        null,
                        l.description,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        false,
                        false,
                        null,
                        null,
                        false,
                        null,
                        null));
                continue;
            }
            lines.add(new Line(
                    i + 1,
                    l.kind,
                    l.sku,
                    l.description,
                    l.quantity,
                    l.unit,
                    l.unitPrice,
                    l.discountPercent,
                    l.vatRate,
                    l.netAmount,
                    l.optional,
                    l.chosen,
                    l.taxTreatment,
                    l.taxReason,
                    l.customerRequirement,
                    offer.pricesGross ? l.grossUnitPrice() : null,
                    offer.pricesGross ? l.grossAmount() : null));
        }
        return new OfferView(
                offer.id,
                offer.offerNumber,
                offer.revision,
                offer.previousRevisionId,
                offer.supersededById,
                offer.status,
                offer.customerId,
                offer.billing,
                offer.currency,
                offer.issueDate,
                offer.validUntil,
                offer.netTotal,
                offer.vatTotal,
                offer.grossTotal,
                offer.totals().vatGroups(),
                offer.templateId,
                offer.introText,
                offer.termsText,
                offer.purchaseOrderReference,
                offer.serviceFrom,
                offer.serviceUntil,
                lines,
                offer.sentAt,
                offer.acceptedAt,
                offer.rejectedAt,
                offer.rejectionReason,
                offer.expiredAt,
                offer.invoices.stream().map(i -> i.invoiceId).toList(),
                offer.invoices.stream()
                        .map(i -> new Invoice(i.invoiceId, i.invoiceNumber, i.status))
                        .toList(),
                offer.paid,
                offer.terms(),
                offer.acceptedAt == null
                        ? null
                        : new Acceptance(offer.acceptedAt, offer.terms(), offer.acceptedBy, offer.acceptanceRecordedBy),
                OfferReviewEntry.of(offer.id).stream()
                        .map(e -> new ReviewStep(e.kind, e.reasons, e.comment, e.actor, e.at))
                        .toList(),
                offer.linesNetTotal,
                offer.discount(),
                offer.pricesGross,
                offer.recipientName == null ? null : offer.recipient(Customer.findById(offer.customerId)));
    }
}
