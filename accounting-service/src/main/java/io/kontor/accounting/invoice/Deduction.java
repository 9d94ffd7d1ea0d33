package io.kontor.accounting.invoice;

import io.kontor.platform.events.sales.TaxTreatment;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An earlier partial invoice deducted on a final invoice, for one VAT rate: its net and the VAT on it (§14 (5) Satz 2
 * UStG wants both deducted, so that the final invoice owes only the rest and the VAT is not shown twice).
 */
@Embeddable
public class Deduction {

    public String invoiceNumber;
    public LocalDate issueDate;
    public BigDecimal vatRate;

    @Enumerated(EnumType.STRING)
    public TaxTreatment taxTreatment;

    public BigDecimal netAmount;
    public BigDecimal vatAmount;

    public static Deduction of(Invoice partial, InvoiceTotals.VatSubtotal group) {
        Deduction deduction = new Deduction();
        deduction.invoiceNumber = partial.invoiceNumber;
        deduction.issueDate = partial.issueDate;
        deduction.vatRate = group.rate();
        deduction.taxTreatment = group.treatment();
        deduction.netAmount = group.taxableAmount();
        deduction.vatAmount = group.vatAmount();
        return deduction;
    }

    static BigDecimal netAmountOf(Deduction deduction) {
        return deduction.netAmount;
    }

    static BigDecimal vatAmountOf(Deduction deduction) {
        return deduction.vatAmount;
    }

    public BigDecimal grossAmount() {
        return netAmount.add(vatAmount);
    }

    boolean sameGroup(InvoiceTotals.VatSubtotal group) {
        return vatRate.compareTo(group.rate()) == 0 && taxTreatment == group.treatment();
    }
}
