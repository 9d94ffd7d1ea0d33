package io.kontor.accounting.invoice;

import io.kontor.platform.problem.ConflictProblem;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** An invoice: a DRAFT while it can change; from issuing on it has its number and is immutable. */
@Entity
@Table(name = "invoice")
public class Invoice extends PanacheEntityBase {

    @Id
    public UUID id;
    public String invoiceNumber;
    @Enumerated(EnumType.STRING)
    public InvoiceOrigin origin;
    public UUID customerId;
    public UUID offerId;
    @Enumerated(EnumType.STRING)
    public InvoiceStatus status;
    public String currency;
    public LocalDate issueDate;
    public LocalDate dueDate;
    public int paymentTermDays;
    public BigDecimal netTotal;
    public BigDecimal vatTotal;
    public BigDecimal grossTotal;
    public BigDecimal paidAmount;
    public int dunningLevel;
    @Embedded
    public Buyer buyer;
    @ElementCollection
    @CollectionTable(name = "invoice_line", joinColumns = @JoinColumn(name = "invoice_id"))
    @OrderColumn(name = "position")
    public List<InvoiceLine> lines = new ArrayList<>();
    public Instant createdAt;
    @Version
    public long version;

    public static Invoice draft(InvoiceOrigin origin, UUID customerId, UUID offerId, Buyer buyer, int paymentTermDays,
            String currency, List<InvoiceLine> lines, Instant now) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an invoice needs at least one line");
        }
        if (paymentTermDays < 0) {
            throw new IllegalArgumentException("payment term of " + paymentTermDays + " days");
        }
        Invoice invoice = new Invoice();
        invoice.id = UUID.randomUUID();
        invoice.origin = origin;
        invoice.customerId = customerId;
        invoice.offerId = offerId;
        invoice.status = InvoiceStatus.DRAFT;
        invoice.currency = currency;
        invoice.paymentTermDays = paymentTermDays;
        invoice.buyer = buyer;
        invoice.lines = new ArrayList<>(lines);
        InvoiceTotals totals = invoice.totals();
        invoice.netTotal = totals.netTotal();
        invoice.vatTotal = totals.vatTotal();
        invoice.grossTotal = totals.grossTotal();
        invoice.paidAmount = BigDecimal.ZERO.setScale(2);
        invoice.dunningLevel = 0;
        invoice.createdAt = now;
        return invoice;
    }

    public InvoiceTotals totals() {
        return InvoiceTotals.of(lines.stream().map(InvoiceLine::amount).toList());
    }

    /** Gives the draft its number and dates; payment is due {@code paymentTermDays} after the issue date. */
    public void issue(String number, LocalDate issueDate) {
        requireDraft();
        this.invoiceNumber = number;
        this.issueDate = issueDate;
        this.dueDate = issueDate.plusDays(paymentTermDays);
        this.status = InvoiceStatus.ISSUED;
    }

    /** Refuses any change once issued: an issued invoice is corrected by a credit note, never edited (GoBD). */
    public void requireDraft() {
        if (status != InvoiceStatus.DRAFT) {
            throw new ConflictProblem("invoice " + (invoiceNumber == null ? id : invoiceNumber) + " is " + status
                    + "; only a DRAFT can be changed or issued");
        }
    }

    public boolean isOverdue(LocalDate today) {
        return status.isReceivable() && dueDate != null && today.isAfter(dueDate);
    }

    public BigDecimal openAmount() {
        return status.isReceivable() ? grossTotal.subtract(paidAmount) : BigDecimal.ZERO.setScale(2);
    }
}
