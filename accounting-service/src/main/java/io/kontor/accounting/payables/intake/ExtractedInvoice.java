package io.kontor.accounting.payables.intake;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What an incoming e-invoice says, read from its XML (EN 16931 semantic model; business terms BT-x named where the
 * syntaxes differ). Amounts as written, never recomputed: checking them is the checks' job.
 */
public record ExtractedInvoice(
        String syntax,
        String invoiceNumber,
        String typeCode,
        LocalDate issueDate,
        LocalDate dueDate,
        String currency,
        Party seller,
        Party buyer,
        String buyerReference,
        String orderReference,
        String projectReference,
        String paymentTerms,
        String iban,
        String bic,
        Skonto skonto,
        List<Line> lines,
        List<VatGroup> vatBreakdown,
        Totals totals) {

    /** Seller (BG-4) or buyer (BG-7). */
    public record Party(
            String name,
            String vatId,
            String taxNumber,
            String street,
            String postalCode,
            String city,
            String country) {}

    /** An invoice line (BG-25). */
    public record Line(
            String id,
            String description,
            BigDecimal quantity,
            String unitCode,
            BigDecimal unitPrice,
            BigDecimal netAmount,
            String vatCategory,
            BigDecimal vatRate) {}

    /** One VAT breakdown group (BG-23): taxable amount and tax of a category and rate. */
    public record VatGroup(String category, BigDecimal rate, BigDecimal basis, BigDecimal amount) {}

    /** Document totals (BG-22). */
    public record Totals(
            BigDecimal lineTotal,
            BigDecimal allowances,
            BigDecimal charges,
            BigDecimal taxBasis,
            BigDecimal taxTotal,
            BigDecimal grandTotal,
            BigDecimal prepaid,
            BigDecimal payable) {}

    /**
     * A cash discount: {@code percent} off if paid within {@code days} of the issue date, on {@code basis} (the gross
     * total when the invoice names none).
     */
    public record Skonto(int days, BigDecimal percent, BigDecimal basis) {}
}
