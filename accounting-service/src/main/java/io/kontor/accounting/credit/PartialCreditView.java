package io.kontor.accounting.credit;

import io.kontor.accounting.invoice.InvoiceTotals;
import io.kontor.platform.events.sales.TaxTreatment;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A partial credit note as the API shows it (API.md, accounting). */
public record PartialCreditView(
        UUID id,
        String creditNoteNumber,
        UUID invoiceId,
        LocalDate issuedOn,
        String reason,
        String currency,
        BigDecimal netAmount,
        BigDecimal vatAmount,
        BigDecimal grossAmount,
        BigDecimal againstOpen,
        BigDecimal toCustomerCredit,
        BigDecimal discountAmount,
        List<LineView> lines,
        List<InvoiceTotals.VatSubtotal> vatBreakdown) {

    public record LineView(
            Integer originalPosition,
            String description,
            BigDecimal quantity,
            String unit,
            BigDecimal unitPrice,
            BigDecimal vatRate,
            BigDecimal netAmount,
            TaxTreatment taxTreatment) {}

    static PartialCreditView of(PartialCredit credit) {
        return new PartialCreditView(
                credit.id,
                credit.number,
                credit.invoiceId,
                credit.issuedOn,
                credit.reason,
                credit.currency,
                credit.netAmount,
                credit.vatAmount,
                credit.grossAmount,
                credit.againstOpen,
                credit.toCustomerCredit,
                credit.discountAmount,
                credit.lines.stream()
                        .map(line -> new LineView(
                                line.originalPosition,
                                line.description,
                                line.quantity,
                                line.unit,
                                line.unitPrice,
                                line.vatRate,
                                line.netAmount,
                                line.taxTreatment))
                        .toList(),
                credit.totals().vatBreakdown());
    }
}
