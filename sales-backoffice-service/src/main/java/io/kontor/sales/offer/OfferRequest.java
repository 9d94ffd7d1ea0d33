package io.kontor.sales.offer;

import io.kontor.platform.events.sales.BillingMode;
import io.kontor.platform.events.sales.OfferLineKind;
import io.kontor.platform.events.sales.SupplyKind;
import io.kontor.platform.events.sales.TaxTreatment;
import io.kontor.sales.product.VatRate;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Body of {@code POST /offers} and {@code PUT /offers/{id}}: lines, a template, or both (the template's lines come
 * first). The bounds keep every amount inside the database's columns. {@code purchaseOrderReference} is the customer's
 * order number (BT-13); {@code serviceFrom} (and {@code serviceUntil} for a period) the date of the service the invoice
 * will name (§14 (4) Nr. 6 UStG). {@code termsText} replaces the template's terms (legal reviews such an offer, if the
 * rules say so). A document discount ({@code documentDiscountPercent} or {@code documentDiscountAmount}, net, with an
 * optional {@code documentDiscountReason}) is taken off the lines' sum before VAT; front-office systems may not grant
 * one.
 */
public record OfferRequest(
        @NotNull UUID customerId,
        UUID templateId,
        @Size(max = 100) List<@NotNull @Valid Line> lines,
        @NotNull BillingMode billing,
        @Size(max = 200) String purchaseOrderReference,
        LocalDate serviceFrom,
        LocalDate serviceUntil,
        @Size(max = 20000) String termsText,

        @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") @Digits(integer = 3, fraction = 2)
        BigDecimal documentDiscountPercent,

        @DecimalMin(value = "0", inclusive = false) @Digits(integer = 9, fraction = 2)
        BigDecimal documentDiscountAmount,

        @Size(max = 200) String documentDiscountReason) {

    /** A request without a document discount, as before it existed. */
    public OfferRequest(
            UUID customerId,
            UUID templateId,
            List<Line> lines,
            BillingMode billing,
            String purchaseOrderReference,
            LocalDate serviceFrom,
            LocalDate serviceUntil,
            String termsText) {
        this(
                customerId,
                templateId,
                lines,
                billing,
                purchaseOrderReference,
                serviceFrom,
                serviceUntil,
                termsText,
                null,
                null,
                null);
    }

    /**
     * {@code unitPrice} defaults to the product's list price, {@code discountPercent} to none; {@code optional} to
     * false. {@code taxTreatment} overrides the derived one and needs a {@code taxReason} (for EXEMPT: the exemption,
     * e.g. "Heilbehandlung, §4 Nr. 14 UStG"). {@code customerRequirement} marks a line whose description is something
     * the customer asked for: once accepted, product development files it as a draft requirement (false when left out).
     *
     * <p>{@code kind} is PRODUCT (the default with a {@code sku}), FREE (the default without one: {@code description},
     * {@code quantity}, {@code unitPrice} and {@code vatRate} given by staff, {@code unit} "pc" when left out,
     * {@code supplyKind} SERVICE when left out) or TEXT (a heading: {@code description} only).
     */
    public record Line(
            @Size(max = 64) String sku,

            @Positive @Digits(integer = 6, fraction = 3) BigDecimal quantity,

            @Positive @Digits(integer = 9, fraction = 2) BigDecimal unitPrice,

            @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2)
            BigDecimal discountPercent,

            boolean optional,
            TaxTreatment taxTreatment,
            @Size(max = 500) String taxReason,
            boolean customerRequirement,
            OfferLineKind kind,
            @Size(max = 200) String description,
            @Size(max = 20) String unit,
            @VatRate BigDecimal vatRate,
            SupplyKind supplyKind) {

        /** A catalogue line, as lines were before free and text lines. */
        public Line(
                String sku,
                BigDecimal quantity,
                BigDecimal unitPrice,
                BigDecimal discountPercent,
                boolean optional,
                TaxTreatment taxTreatment,
                String taxReason,
                boolean customerRequirement) {
            this(
                    sku,
                    quantity,
                    unitPrice,
                    discountPercent,
                    optional,
                    taxTreatment,
                    taxReason,
                    customerRequirement,
                    null,
                    null,
                    null,
                    null,
                    null);
        }
    }
}
