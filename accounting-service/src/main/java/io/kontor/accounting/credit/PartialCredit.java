package io.kontor.accounting.credit;

import io.kontor.accounting.invoice.Invoice;
import io.kontor.accounting.invoice.InvoiceLine;
import io.kontor.accounting.invoice.InvoiceStatus;
import io.kontor.accounting.invoice.InvoiceTotals;
import io.kontor.platform.events.sales.DocumentDiscount;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A partial credit note (Rechnungskorrektur / Gutschrift über einen Teil einer Rechnung): its own number from the
 * gapless GS range, its own date, the invoice it corrects, what it credits and why. Immutable once written (GoBD).
 */
@Entity
@Table(name = "partial_credit")
public class PartialCredit extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID invoiceId;
    public UUID customerId;
    public String number;
    public LocalDate issuedOn;
    public String reason;
    public String currency;
    public BigDecimal netAmount;
    public BigDecimal vatAmount;
    public BigDecimal grossAmount;
    /** What it took off the invoice's open principal. */
    public BigDecimal againstOpen;
    /** What exceeded the open principal of a paid invoice: owed back, the customer's credit. */
    public BigDecimal toCustomerCredit;

    public BigDecimal discountPercent;
    public BigDecimal discountAmount;
    public String discountReason;
    public Instant createdAt;

    @ElementCollection
    @CollectionTable(name = "partial_credit_line", joinColumns = @JoinColumn(name = "partial_credit_id"))
    @OrderColumn(name = "position")
    public List<CreditLine> lines = new ArrayList<>();

    /** The share of the invoice's document discount these lines carry, or null. */
    public DocumentDiscount discount() {
        return discountAmount == null ? null : new DocumentDiscount(discountPercent, discountAmount, discountReason);
    }

    public InvoiceTotals totals() {
        // An invoice-shaped copy reckons them by the invoice's own rules (VAT per rate on the rate's sum, BR-CO-17).
        return asDocument(null).totals();
    }

    public static List<PartialCredit> of(UUID invoiceId) {
        return list("invoiceId = ?1 order by number", invoiceId);
    }

    /**
     * The credit note in the shape the invoice renderers know: the original's buyer, references and service period,
     * these lines and totals, this number and date, the original's number and date as the invoice corrected (BT-25,
     * BT-26). Never persisted.
     */
    public Invoice asDocument(Invoice original) {
        Invoice document = new Invoice();
        document.id = id;
        if (original != null) {
            document.invoiceNumber = original.invoiceNumber;
            document.issueDate = original.issueDate;
            document.dueDate = original.dueDate;
            document.paymentTermDays = original.paymentTermDays;
            document.buyer = original.buyer;
            document.offerId = original.offerId;
            document.customerId = original.customerId;
            document.purchaseOrderReference = original.purchaseOrderReference;
            document.serviceFrom = original.serviceFrom;
            document.serviceUntil = original.serviceUntil;
            document.origin = original.origin;
        }
        document.currency = currency;
        document.status = InvoiceStatus.CANCELLED;
        document.creditNoteNumber = number;
        document.cancelledOn = issuedOn;
        document.cancellationReason = reason;
        document.discountPercent = discountPercent;
        document.discountAmount = discountAmount;
        document.discountReason = discountReason;
        List<InvoiceLine> invoiceLines = new ArrayList<>();
        for (CreditLine line : lines) {
            invoiceLines.add(line.asInvoiceLine());
        }
        document.lines = invoiceLines;
        InvoiceTotals totals = document.totals();
        document.netTotal = totals.netTotal();
        document.vatTotal = totals.vatTotal();
        document.grossTotal = totals.grossTotal();
        return document;
    }
}
