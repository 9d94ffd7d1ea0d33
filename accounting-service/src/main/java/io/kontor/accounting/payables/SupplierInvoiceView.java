package io.kontor.accounting.payables;

import io.kontor.accounting.payables.check.Check;
import io.kontor.accounting.payables.intake.EInvoiceValidator;
import io.kontor.accounting.payables.intake.ExtractedInvoice;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An incoming invoice as the API shows it: what it says, the checks' results, and where it stands. */
public record SupplierInvoiceView(
        UUID id,
        DocumentKind kind,
        SupplierInvoiceStatus status,
        boolean otherInvoice,
        String receivedVia,
        Instant receivedAt,
        UUID supplierId,
        String sellerName,
        String sellerVatId,
        String invoiceNumber,
        String typeCode,
        LocalDate issueDate,
        LocalDate dueDate,
        String currency,
        String buyerName,
        String buyerVatId,
        String buyerReference,
        String orderReference,
        String projectReference,
        String paymentTerms,
        String iban,
        String bic,
        Skonto skonto,
        BigDecimal netTotal,
        BigDecimal vatTotal,
        BigDecimal grossTotal,
        BigDecimal payableAmount,
        List<ExtractedInvoice.Line> lines,
        List<ExtractedInvoice.VatGroup> vatBreakdown,
        List<Check> checks,
        List<EInvoiceValidator.Message> validation,
        String heldReason,
        boolean approvalNeedsSecondPerson,
        Instant firstApprovedAt,
        Instant approvedAt,
        UUID paymentRunId,
        BigDecimal paidAmount,
        LocalDate paidOn,
        Original original) {

    public record Skonto(BigDecimal percent, int days, LocalDate deadline, BigDecimal amount) {}

    public record Original(String fileName, String contentType, int size, String sha256) {}

    public static SupplierInvoiceView of(SupplierInvoice i, SupplierInvoiceOriginal original) {
        return new SupplierInvoiceView(
                i.id,
                i.kind,
                i.status,
                i.kind == DocumentKind.OTHER_PDF,
                i.receivedVia,
                i.receivedAt,
                i.supplierId,
                i.sellerName,
                i.sellerVatId,
                i.invoiceNumber,
                i.typeCode,
                i.issueDate,
                i.dueDate,
                i.currency,
                i.buyerName,
                i.buyerVatId,
                i.buyerReference,
                i.orderReference,
                i.projectReference,
                i.paymentTerms,
                i.iban,
                i.bic,
                i.skontoPercent == null
                        ? null
                        : new Skonto(i.skontoPercent, i.skontoDays, i.skontoDeadline(), i.skontoAmount()),
                i.netTotal,
                i.vatTotal,
                i.grossTotal,
                i.payableAmount,
                i.lines,
                i.vatBreakdown,
                i.checks,
                i.validation,
                i.heldReason,
                i.approvalNeedsSecondPerson,
                i.firstApprovedAt,
                i.approvedAt,
                i.paymentRunId,
                i.paidAmount,
                i.paidOn,
                original == null
                        ? null
                        : new Original(original.fileName, original.contentType, original.size, original.sha256));
    }
}
