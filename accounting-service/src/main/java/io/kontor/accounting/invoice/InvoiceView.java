package io.kontor.accounting.invoice;

import io.kontor.accounting.payment.OpenClaim;
import io.kontor.platform.events.sales.Address;
import io.kontor.platform.events.sales.CustomerType;
import io.kontor.platform.events.sales.TaxTreatment;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An invoice as the API shows it (API.md, accounting). {@code paidAmount} and {@code openAmount} are the principal (the
 * gross total) paid and still owed, {@code creditedAmount} what partial credit notes took off it; dunning fees and
 * default interest owed come apart, {@code totalOpen} is all. {@code disputed} says whether dunning pauses for a
 * dispute of the customer; {@code disputeReason} and {@code disputedSince} describe the current dispute, or the last
 * one when {@code disputeResolvedOn} is set.
 */
public record InvoiceView(
        UUID id,
        String invoiceNumber,
        UUID customerId,
        UUID offerId,
        InvoiceOrigin origin,
        InvoiceStatus status,
        boolean overdue,
        int dunningLevel,
        boolean disputed,
        String disputeReason,
        LocalDate disputedSince,
        LocalDate disputeResolvedOn,
        LocalDate issueDate,
        LocalDate dueDate,
        String currency,
        BigDecimal netTotal,
        BigDecimal vatTotal,
        BigDecimal grossTotal,
        BigDecimal paidAmount,
        BigDecimal creditedAmount,
        BigDecimal openAmount,
        BigDecimal feesOpen,
        BigDecimal interestOpen,
        BigDecimal totalOpen,
        String creditNoteNumber,
        LocalDate cancelledOn,
        BuyerView buyer,
        String purchaseOrderReference,
        LocalDate serviceFrom,
        LocalDate serviceUntil,
        List<LineView> lines,
        List<InvoiceTotals.VatSubtotal> vatBreakdown,
        SkontoView skonto,
        DiscountView discount,
        boolean finalInvoice,
        List<DeductionView> deductions,
        BigDecimal prepaidTotal) {

    /**
     * The document discount (Gesamtrabatt) before VAT: {@code percent} (null when an amount was given), {@code amount},
     * {@code label} as printed, {@code allowances} its share per VAT rate and treatment (EN 16931 BG-20), already taken
     * off each rate's taxable amount in {@code vatBreakdown}.
     */
    public record DiscountView(BigDecimal percent, BigDecimal amount, String label, List<AllowanceView> allowances) {}

    public record AllowanceView(BigDecimal vatRate, TaxTreatment taxTreatment, BigDecimal amount) {}

    /**
     * On a final invoice (§14 (5) UStG): one earlier partial invoice's part at one rate, deducted with its VAT;
     * {@code prepaidTotal} is their gross sum (BT-113).
     */
    public record DeductionView(
            String invoiceNumber,
            LocalDate issueDate,
            BigDecimal vatRate,
            TaxTreatment taxTreatment,
            BigDecimal netAmount,
            BigDecimal vatAmount,
            BigDecimal grossAmount) {}

    /**
     * Skonto agreed on the invoice: {@code percent} off for payment by {@code deadline} (issue date plus {@code days};
     * null on a draft), {@code amount} the discount and {@code payable} what is then to be paid.
     */
    public record SkontoView(BigDecimal percent, int days, LocalDate deadline, BigDecimal amount, BigDecimal payable) {

        static SkontoView of(Invoice invoice) {
            Skonto skonto = invoice.skonto();
            return skonto == null
                    ? null
                    : new SkontoView(
                            skonto.percent(),
                            skonto.days(),
                            invoice.skontoDeadline(),
                            skonto.amount(invoice.grossTotal),
                            skonto.payable(invoice.grossTotal));
        }
    }

    public record BuyerView(
            String customerNumber,
            String name,
            CustomerType type,
            String email,
            String vatId,
            Address address,
            String buyerReference) {}

    public record LineView(
            int position,
            String sku,
            String description,
            BigDecimal quantity,
            String unit,
            BigDecimal unitPrice,
            BigDecimal discountPercent,
            BigDecimal vatRate,
            BigDecimal netAmount,
            TaxTreatment taxTreatment,
            String taxReason) {}

    static InvoiceView of(Invoice invoice, LocalDate today) {
        List<LineView> lines = new ArrayList<>();
        for (int i = 0; i < invoice.lines.size(); i++) {
            InvoiceLine line = invoice.lines.get(i);
            lines.add(new LineView(
                    i + 1,
                    line.sku,
                    line.description,
                    InvoiceTotals.plain(line.quantity),
                    line.unit,
                    price(line.unitPrice),
                    InvoiceTotals.plain(line.discountPercent),
                    InvoiceTotals.plain(line.vatRate),
                    money(line.netAmount),
                    line.taxTreatment,
                    line.taxReason));
        }
        Buyer buyer = invoice.buyer;
        OpenClaim open = invoice.openClaim();
        return new InvoiceView(
                invoice.id,
                invoice.invoiceNumber,
                invoice.customerId,
                invoice.offerId,
                invoice.origin,
                invoice.status,
                invoice.isOverdue(today),
                invoice.dunningLevel,
                invoice.disputed,
                invoice.disputeReason,
                invoice.disputedSince,
                invoice.disputeResolvedOn,
                invoice.issueDate,
                invoice.dueDate,
                invoice.currency,
                money(invoice.netTotal),
                money(invoice.vatTotal),
                money(invoice.grossTotal),
                money(invoice.paidAmount),
                money(invoice.credited()),
                money(invoice.openAmount()),
                money(open.fees()),
                money(open.interest()),
                money(open.total()),
                invoice.creditNoteNumber,
                invoice.cancelledOn,
                new BuyerView(
                        buyer.customerNumber,
                        buyer.name,
                        buyer.type,
                        buyer.email,
                        buyer.vatId,
                        buyer.address(),
                        buyer.buyerReference),
                invoice.purchaseOrderReference,
                invoice.serviceFrom,
                invoice.serviceUntil,
                List.copyOf(lines),
                invoice.totals().vatBreakdown(),
                SkontoView.of(invoice),
                discount(invoice),
                invoice.finalInvoice,
                invoice.deductions.stream()
                        .map(d -> new DeductionView(
                                d.invoiceNumber,
                                d.issueDate,
                                d.vatRate,
                                d.taxTreatment,
                                money(d.netAmount),
                                money(d.vatAmount),
                                money(d.grossAmount())))
                        .toList(),
                money(invoice.prepaidTotal()));
    }

    private static DiscountView discount(Invoice invoice) {
        io.kontor.platform.events.sales.DocumentDiscount discount = invoice.discount();
        if (discount == null) {
            return null;
        }
        List<AllowanceView> allowances = invoice.totals().vatBreakdown().stream()
                .filter(group -> group.allowance().signum() != 0)
                .map(group -> new AllowanceView(group.rate(), group.treatment(), money(group.allowance())))
                .toList();
        return new DiscountView(discount.percent(), money(discount.amount()), discount.label(), allowances);
    }

    /** Money always with cents, whether it comes from the database (numeric(19,2)) or from a computation. */
    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** Unit prices may have up to four decimals, and show at least cents. */
    private static BigDecimal price(BigDecimal amount) {
        BigDecimal plain = InvoiceTotals.plain(amount);
        return plain.scale() < 2 ? plain.setScale(2) : plain;
    }
}
