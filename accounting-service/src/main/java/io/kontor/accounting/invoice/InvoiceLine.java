package io.kontor.accounting.invoice;

import io.kontor.platform.events.sales.OfferLineKind;
import io.kontor.platform.events.sales.TaxTreatment;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;

/** One priced line; its net amount is computed once, by {@link InvoiceTotals#lineNet}, and stored as invoiced. */
@Embeddable
public class InvoiceLine {

    public String sku;
    public String description;
    public BigDecimal quantity;
    public String unit;
    public BigDecimal unitPrice;
    public BigDecimal discountPercent;
    public BigDecimal vatRate;
    public BigDecimal netAmount;
    /** How VAT applies; {@link #vatRate} is the rate charged, 0 unless DOMESTIC. */
    @Enumerated(EnumType.STRING)
    public TaxTreatment taxTreatment;
    /** Why the treatment was set by hand (for EXEMPT: the exemption); null when derived. */
    public String taxReason;
    /**
     * TEXT for a heading the offer had (zero amounts, in no total, left out of the e-invoice: EN 16931 has no text
     * lines); FREE for a line without SKU; null or PRODUCT for an ordinary line.
     */
    @Enumerated(EnumType.STRING)
    public OfferLineKind kind;

    /** A heading between the lines: printed, in no total and not in the e-invoice. */
    public static InvoiceLine text(String description) {
        InvoiceLine line = new InvoiceLine();
        line.kind = OfferLineKind.TEXT;
        line.description = description;
        line.quantity = BigDecimal.ZERO;
        line.unitPrice = BigDecimal.ZERO;
        line.discountPercent = BigDecimal.ZERO;
        line.vatRate = BigDecimal.ZERO;
        line.netAmount = BigDecimal.ZERO.setScale(2);
        line.taxTreatment = TaxTreatment.DOMESTIC;
        return line;
    }

    public boolean isText() {
        return kind == OfferLineKind.TEXT;
    }

    public static InvoiceLine of(
            String sku,
            String description,
            BigDecimal quantity,
            String unit,
            BigDecimal unitPrice,
            BigDecimal discountPercent,
            BigDecimal vatRate) {
        return of(sku, description, quantity, unit, unitPrice, discountPercent, vatRate, TaxTreatment.DOMESTIC, null);
    }

    /** A line of {@code treatment}: a line not taxed in Germany is charged 0 %, whatever {@code vatRate} says. */
    public static InvoiceLine of(
            String sku,
            String description,
            BigDecimal quantity,
            String unit,
            BigDecimal unitPrice,
            BigDecimal discountPercent,
            BigDecimal vatRate,
            TaxTreatment treatment,
            String taxReason) {
        InvoiceLine line = new InvoiceLine();
        line.sku = sku;
        line.description = description;
        line.quantity = quantity;
        line.unit = unit;
        line.unitPrice = unitPrice;
        line.discountPercent = discountPercent == null ? BigDecimal.ZERO : discountPercent;
        line.taxTreatment = treatment == null ? TaxTreatment.DOMESTIC : treatment;
        line.taxReason = taxReason;
        line.vatRate = line.taxTreatment.chargesGermanVat() ? vatRate : BigDecimal.ZERO;
        line.netAmount = InvoiceTotals.lineNet(quantity, unitPrice, line.discountPercent);
        return line;
    }

    public InvoiceLine copy() {
        if (isText()) {
            return text(description);
        }
        InvoiceLine copy =
                of(sku, description, quantity, unit, unitPrice, discountPercent, vatRate, taxTreatment, taxReason);
        copy.kind = kind;
        return copy;
    }

    InvoiceTotals.LineAmount amount() {
        return new InvoiceTotals.LineAmount(netAmount, vatRate, taxTreatment);
    }
}
