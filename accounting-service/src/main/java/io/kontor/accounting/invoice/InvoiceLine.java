package io.kontor.accounting.invoice;

import jakarta.persistence.Embeddable;
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

    public static InvoiceLine of(
            String sku,
            String description,
            BigDecimal quantity,
            String unit,
            BigDecimal unitPrice,
            BigDecimal discountPercent,
            BigDecimal vatRate) {
        InvoiceLine line = new InvoiceLine();
        line.sku = sku;
        line.description = description;
        line.quantity = quantity;
        line.unit = unit;
        line.unitPrice = unitPrice;
        line.discountPercent = discountPercent == null ? BigDecimal.ZERO : discountPercent;
        line.vatRate = vatRate;
        line.netAmount = InvoiceTotals.lineNet(quantity, unitPrice, line.discountPercent);
        return line;
    }

    public InvoiceLine copy() {
        return of(sku, description, quantity, unit, unitPrice, discountPercent, vatRate);
    }

    InvoiceTotals.LineAmount amount() {
        return new InvoiceTotals.LineAmount(netAmount, vatRate);
    }
}
