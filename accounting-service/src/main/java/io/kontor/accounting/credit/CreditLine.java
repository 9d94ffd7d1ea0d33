package io.kontor.accounting.credit;

import io.kontor.accounting.invoice.InvoiceLine;
import io.kontor.platform.events.sales.TaxTreatment;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;

/**
 * One line of a partial credit note: a part of an invoice line ({@link #originalPosition} is the line's printed
 * position) or an amount of one VAT rate and treatment (no original position).
 */
@Embeddable
public class CreditLine {

    public Integer originalPosition;
    public String sku;
    public String description;
    public BigDecimal quantity;
    public String unit;
    public BigDecimal unitPrice;
    public BigDecimal discountPercent;
    public BigDecimal vatRate;
    public BigDecimal netAmount;

    @Enumerated(EnumType.STRING)
    public TaxTreatment taxTreatment;

    public String taxReason;

    public static CreditLine of(Integer originalPosition, InvoiceLine line) {
        CreditLine credit = new CreditLine();
        credit.originalPosition = originalPosition;
        credit.sku = line.sku;
        credit.description = line.description;
        credit.quantity = line.quantity;
        credit.unit = line.unit;
        credit.unitPrice = line.unitPrice;
        credit.discountPercent = line.discountPercent;
        credit.vatRate = line.vatRate;
        credit.netAmount = line.netAmount;
        credit.taxTreatment = line.taxTreatment;
        credit.taxReason = line.taxReason;
        return credit;
    }

    /** The line as the documents print it (same shape as an invoice's). */
    public InvoiceLine asInvoiceLine() {
        InvoiceLine line = InvoiceLine.of(
                sku, description, quantity, unit, unitPrice, discountPercent, vatRate, taxTreatment, taxReason);
        line.netAmount = netAmount;
        return line;
    }
}
