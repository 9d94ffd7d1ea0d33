package io.kontor.accounting.payables;

import io.kontor.accounting.payables.check.Check;
import io.kontor.accounting.payables.intake.EInvoiceValidator;
import io.kontor.accounting.payables.intake.ExtractedInvoice;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An invoice a supplier sent us, with what was read from it, the checks' results and where it stands. The file itself
 * is {@link SupplierInvoiceOriginal}, kept unchanged.
 */
@Entity
@Table(name = "supplier_invoice")
public class SupplierInvoice extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID supplierId;

    @Enumerated(EnumType.STRING)
    public DocumentKind kind;

    @Enumerated(EnumType.STRING)
    public SupplierInvoiceStatus status;

    /** API, CLI (the API with the CLI's client) or MAIL. */
    public String receivedVia;

    public Instant receivedAt;
    /** Who uploaded it ({@code CallerId}); null for the intake mailbox. */
    public String recordedBy;

    public String invoiceNumber;
    public String typeCode;
    public LocalDate issueDate;
    public LocalDate dueDate;
    public String currency;
    public String sellerName;
    public String sellerVatId;
    public String buyerName;
    public String buyerVatId;
    public String buyerReference;
    public String orderReference;
    public String projectReference;
    public String paymentTerms;
    public String iban;
    public String bic;
    public BigDecimal skontoPercent;
    public Integer skontoDays;
    public BigDecimal netTotal;
    public BigDecimal vatTotal;
    public BigDecimal grossTotal;
    public BigDecimal payableAmount;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<ExtractedInvoice.Line> lines = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    public List<ExtractedInvoice.VatGroup> vatBreakdown = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Check> checks = new ArrayList<>();

    /** The validator's errors of a rejected invoice. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<EInvoiceValidator.Message> validation = new ArrayList<>();

    /** Why it must not be paid for now (an IBAN not yet verified); null when nothing holds it. */
    public String heldReason;

    public boolean approvalNeedsSecondPerson;
    public String approvedBy;

    /** Above the limit, a mailed invoice's first approver, who stands in for the recorder it lacks (four eyes). */
    public String firstApprovedBy;

    public Instant firstApprovedAt;
    public Instant approvedAt;
    public UUID paymentRunId;
    /** The SEPA EndToEndId of its transfer: the bank statement's debit names it. */
    public String endToEndId;
    /** What the payment run transferred: the amount due less the cash discount taken. */
    public BigDecimal paymentAmount;

    public BigDecimal skontoTaken;
    public BigDecimal paidAmount;
    public LocalDate paidOn;
    public String paidByEntry;

    @Version
    public long version;

    /** The last day a cash discount may be taken, or null without one. */
    public LocalDate skontoDeadline() {
        return skontoDays == null || issueDate == null ? null : issueDate.plusDays(skontoDays);
    }

    /** The discount in money on the amount payable, rounded to the cent. */
    public BigDecimal skontoAmount() {
        if (skontoPercent == null || payableAmount == null) {
            return null;
        }
        return payableAmount.multiply(skontoPercent).divide(BigDecimal.valueOf(100), 2, java.math.RoundingMode.HALF_UP);
    }

    public boolean hasFailedChecks() {
        return checks.stream().anyMatch(c -> c.outcome() == Check.Outcome.FAILED);
    }
}
