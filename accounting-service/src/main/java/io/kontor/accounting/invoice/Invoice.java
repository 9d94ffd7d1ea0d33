package io.kontor.accounting.invoice;

import io.kontor.accounting.payment.OpenClaim;
import io.kontor.accounting.payment.PaymentAllocation;
import io.kontor.platform.events.sales.DocumentDiscount;
import io.kontor.platform.problem.ConflictProblem;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
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
    /** For milestone invoices: the project and milestone billed. */
    public UUID projectId;

    public UUID milestoneId;

    @Enumerated(EnumType.STRING)
    public InvoiceStatus status;

    public String currency;
    public LocalDate issueDate;
    public LocalDate dueDate;
    public int paymentTermDays;
    /** Skonto agreed on the invoice: percent off for payment within {@link #skontoDays} of the issue date; or null. */
    public BigDecimal skontoPercent;

    public Integer skontoDays;
    public BigDecimal netTotal;
    public BigDecimal vatTotal;
    public BigDecimal grossTotal;
    /** Principal paid, i.e. the part of {@link #grossTotal} settled; fees and interest are counted apart. */
    public BigDecimal paidAmount;
    /**
     * Principal taken off by partial credit notes (§17 (1) UStG: the price was reduced); what a credit note gave beyond
     * what was still open went to the customer's credit instead (see {@code credit.PartialCredits}).
     */
    public BigDecimal creditedAmount;
    /** Dunning fees charged (§288 (5) flat fee and level fees); costs in the sense of §367 BGB. */
    public BigDecimal feesCharged;

    public BigDecimal feesPaid;
    /** Default interest charged (§288 BGB), accrued per day on the open principal. */
    public BigDecimal interestCharged;

    public BigDecimal interestPaid;

    /**
     * Principal, fees and interest still open, as PostgreSQL computes it (a stored generated column, indexed for the
     * amount matching of bank entries); as of the last flush, so Java reads {@link #openClaim()} instead.
     */
    @Column(insertable = false, updatable = false)
    public BigDecimal openTotal;

    public int dunningLevel;
    public boolean overdueReported;
    public LocalDate lastDunningOn;
    /** Day the debtor fell into default (the reminder, §286 (1) BGB); interest runs from the day after. */
    public LocalDate defaultSince;
    /** Last day for which default interest is charged. */
    public LocalDate interestAccruedUntil;
    /** The customer disputes the invoice: dunning pauses until the dispute is resolved. */
    public boolean disputed;
    /** Reason and day of the current dispute, or of the last one once it is resolved. */
    public String disputeReason;

    public LocalDate disputedSince;
    /** Day the last dispute was resolved; the next dunning step waits its full days from here. */
    public LocalDate disputeResolvedOn;
    /** Day the current dispute was escalated to legal, or null; a new dispute can be escalated anew. */
    public LocalDate disputeEscalatedOn;
    /** Day what was still owed was written off (status WRITTEN_OFF), or null. */
    public LocalDate writtenOffOn;

    public String creditNoteNumber;
    public LocalDate cancelledOn;
    public String cancellationReason;

    @Embedded
    public Buyer buyer;
    /** BT-13: the buyer's order number, or null. */
    public String purchaseOrderReference;
    /**
     * The date of the service, or the first day of its period (§14 (4) Nr. 6 UStG); the issue date when none was given.
     */
    public LocalDate serviceFrom;
    /** The last day of the service period; null for one day. */
    public LocalDate serviceUntil;

    @ElementCollection
    @CollectionTable(name = "invoice_line", joinColumns = @JoinColumn(name = "invoice_id"))
    @OrderColumn(name = "position")
    public List<InvoiceLine> lines = new ArrayList<>();

    /**
     * A final invoice (Schlussrechnung): its lines are the whole offer, {@link #deductions} the earlier partial
     * invoices, and its totals what is left to pay (§14 (5) UStG).
     */
    public boolean finalInvoice;

    @ElementCollection
    @CollectionTable(name = "invoice_deduction", joinColumns = @JoinColumn(name = "invoice_id"))
    @OrderColumn(name = "position")
    public List<Deduction> deductions = new ArrayList<>();

    /** The document discount (Gesamtrabatt) before VAT, from the accepted offer; null without one. */
    public BigDecimal discountPercent;

    public BigDecimal discountAmount;
    public String discountReason;

    public Instant createdAt;

    /**
     * Art. 18 GDPR: on the person's erasure request the record is kept for the statutory retention only (§147 AO, §14b
     * UStG), until {@link #restrictedUntil}; null while not restricted.
     */
    public Instant processingRestrictedAt;

    public java.time.LocalDate restrictedUntil;

    @Version
    public long version;

    public static Invoice draft(
            InvoiceOrigin origin,
            UUID customerId,
            UUID offerId,
            Buyer buyer,
            int paymentTermDays,
            String currency,
            List<InvoiceLine> lines,
            Instant now) {
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
        invoice.creditedAmount = BigDecimal.ZERO.setScale(2);
        invoice.feesCharged = BigDecimal.ZERO.setScale(2);
        invoice.feesPaid = BigDecimal.ZERO.setScale(2);
        invoice.interestCharged = BigDecimal.ZERO.setScale(2);
        invoice.interestPaid = BigDecimal.ZERO.setScale(2);
        invoice.dunningLevel = 0;
        invoice.createdAt = now;
        return invoice;
    }

    /** The service period; {@code until} null or equal to {@code from} is one day. */
    public void serviceDuring(String purchaseOrderReference, LocalDate from, LocalDate until) {
        requireDraft();
        if (from == null && until != null) {
            throw new IllegalArgumentException("a service period without its first day");
        }
        if (until != null && until.isBefore(from)) {
            throw new IllegalArgumentException("service period " + from + " to " + until + " ends before it starts");
        }
        this.purchaseOrderReference = purchaseOrderReference;
        this.serviceFrom = from;
        this.serviceUntil = until == null || until.equals(from) ? null : until;
    }

    /** Agrees Skonto on the draft; null for none. */
    public void agreeSkonto(Skonto skonto) {
        requireDraft();
        this.skontoPercent = skonto == null ? null : skonto.percent();
        this.skontoDays = skonto == null ? null : skonto.days();
    }

    /** The Skonto terms, or null. */
    public Skonto skonto() {
        return Skonto.of(this);
    }

    /** The last value date that earns the discount, or null without Skonto or before issue. */
    public LocalDate skontoDeadline() {
        Skonto skonto = skonto();
        return skonto == null || issueDate == null ? null : skonto.deadline(issueDate);
    }

    /**
     * The discount still to be granted if a payment with {@code valueDate} leaves {@code openAfter} of the principal:
     * the rest, when the payment is in time (value date by the deadline), nothing but principal is owed, and the rest
     * is at most the agreed discount on the gross total; zero otherwise (a late Skonto deduction is a short payment).
     */
    public BigDecimal skontoFor(LocalDate valueDate, BigDecimal openAfter) {
        LocalDate deadline = skontoDeadline();
        BigDecimal none = BigDecimal.ZERO.setScale(2);
        if (deadline == null || valueDate == null || valueDate.isAfter(deadline) || !status.isReceivable()) {
            return none;
        }
        OpenClaim open = openClaim();
        if (open.fees().signum() != 0 || open.interest().signum() != 0) {
            return none;
        }
        if (openAfter.signum() <= 0 || openAfter.compareTo(skonto().amount(grossTotal)) > 0) {
            return none;
        }
        return openAfter;
    }

    public InvoiceTotals totals() {
        return InvoiceTotals.of(
                lines.stream()
                        .filter(line -> !line.isText())
                        .map(InvoiceLine::amount)
                        .toList(),
                discount());
    }

    /**
     * Makes this draft the final invoice of its offer: the earlier partial invoices are deducted with their VAT per
     * rate, and the totals become what is left (net, VAT and gross less the deductions).
     */
    public void deduct(List<Invoice> partials) {
        requireDraft();
        finalInvoice = true;
        deductions = new ArrayList<>();
        for (Invoice partial : partials) {
            for (InvoiceTotals.VatSubtotal group : partial.totals().vatBreakdown()) {
                deductions.add(Deduction.of(partial, group));
            }
        }
        InvoiceTotals full = totals();
        netTotal = full.netTotal().subtract(sum(deductions, Deduction::netAmountOf));
        vatTotal = full.vatTotal().subtract(sum(deductions, Deduction::vatAmountOf));
        grossTotal = netTotal.add(vatTotal);
        if (grossTotal.signum() < 0) {
            throw new IllegalArgumentException("the partial invoices deducted exceed the final invoice");
        }
    }

    /** Net plus VAT of the partial invoices deducted (BT-113 of the e-invoice); zero for any other invoice. */
    public BigDecimal prepaidTotal() {
        return sum(deductions, Deduction::grossAmount);
    }

    /**
     * What this invoice bills per rate: its breakdown, less on a final invoice what the partial invoices billed already
     * (so bookkeeping does not book their revenue and VAT twice).
     */
    public List<InvoiceTotals.VatSubtotal> billedBreakdown() {
        List<InvoiceTotals.VatSubtotal> billed = new ArrayList<>();
        for (InvoiceTotals.VatSubtotal group : totals().vatBreakdown()) {
            List<Deduction> same =
                    deductions.stream().filter(d -> d.sameGroup(group)).toList();
            billed.add(new InvoiceTotals.VatSubtotal(
                    group.rate(),
                    group.taxableAmount().subtract(sum(same, Deduction::netAmountOf)),
                    group.vatAmount().subtract(sum(same, Deduction::vatAmountOf)),
                    group.treatment(),
                    group.allowance()));
        }
        return billed;
    }

    private static BigDecimal sum(List<Deduction> deductions, java.util.function.Function<Deduction, BigDecimal> of) {
        return deductions.stream().map(of).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    /** The document discount the accepted offer granted, or null. */
    public DocumentDiscount discount() {
        return discountAmount == null ? null : new DocumentDiscount(discountPercent, discountAmount, discountReason);
    }

    /**
     * Grants the offer's document discount on this draft (before VAT) and reckons the totals again; it may not exceed
     * the lines.
     */
    public void grant(DocumentDiscount discount) {
        requireDraft();
        if (discount == null || discount.amount() == null || discount.amount().signum() == 0) {
            return;
        }
        discountPercent = discount.percent();
        discountAmount = discount.amount().setScale(2, java.math.RoundingMode.HALF_UP);
        discountReason = discount.reason();
        InvoiceTotals totals = totals();
        if (totals.netTotal().signum() < 0) {
            throw new IllegalArgumentException(
                    "a discount of " + discountAmount + " is more than the lines' " + totals.lineTotal());
        }
        netTotal = totals.netTotal();
        vatTotal = totals.vatTotal();
        grossTotal = totals.grossTotal();
    }

    /** Gives the draft its number and dates; payment is due {@code paymentTermDays} after the issue date. */
    public void issue(String number, LocalDate issueDate) {
        requireDraft();
        this.invoiceNumber = number;
        this.issueDate = issueDate;
        this.dueDate = issueDate.plusDays(paymentTermDays);
        if (serviceFrom == null) {
            // Nothing else was agreed or given: the service is rendered by the invoice date (§14 (4) Nr. 6 UStG allows
            // naming it so).
            serviceFrom = issueDate;
        }
        this.status = InvoiceStatus.ISSUED;
    }

    /**
     * Cancels the invoice by the credit note {@code creditNoteNumber}. Only an ISSUED invoice on which nothing was
     * paid: money already received would have to be refunded or credited first, which is a decision for a person, not a
     * side effect. The invoice keeps its number and lines; what it claimed (fees and interest included) is no longer
     * owed.
     */
    public void cancel(String creditNoteNumber, LocalDate today, String reason) {
        requireCancellable();
        this.creditNoteNumber = creditNoteNumber;
        this.cancelledOn = today;
        this.cancellationReason = reason;
        this.status = InvoiceStatus.CANCELLED;
    }

    public void requireCancellable() {
        if (status != InvoiceStatus.ISSUED) {
            throw new ConflictProblem("invoice " + (invoiceNumber == null ? id : invoiceNumber) + " is " + status
                    + "; only an ISSUED invoice without payments can be cancelled");
        }
        if (credited().signum() != 0) {
            // A cancellation reverses the whole invoice: with a partial credit it would credit that part twice.
            throw new ConflictProblem("invoice " + invoiceNumber + " was partly credited (" + credited()
                    + "); credit the rest by a partial credit note instead of cancelling it");
        }
    }

    /** Refuses any change once issued: an issued invoice is corrected by a credit note, never edited (GoBD). */
    public void requireDraft() {
        if (status != InvoiceStatus.DRAFT) {
            throw new ConflictProblem("invoice " + (invoiceNumber == null ? id : invoiceNumber) + " is " + status
                    + "; only a DRAFT can be changed or issued");
        }
    }

    /**
     * Marks the invoice disputed by the customer. Only an invoice that is still owed: a draft is not a claim yet, a
     * paid or cancelled one is no longer, so there is no dunning to pause.
     */
    public void dispute(String reason, LocalDate on) {
        if (!status.isReceivable()) {
            throw new ConflictProblem("invoice " + (invoiceNumber == null ? id : invoiceNumber) + " is " + status
                    + "; only an ISSUED or PARTIALLY_PAID invoice can be disputed");
        }
        if (disputed) {
            throw new ConflictProblem("invoice " + invoiceNumber + " is disputed since " + disputedSince + " ("
                    + disputeReason + "); resolve that dispute first");
        }
        disputed = true;
        disputeReason = reason;
        disputedSince = on;
        disputeResolvedOn = null;
        disputeEscalatedOn = null;
    }

    /** Hands the current dispute to legal; once per dispute, and only while it lasts. */
    public void escalateDispute(LocalDate on) {
        if (!disputed) {
            throw new ConflictProblem("invoice " + (invoiceNumber == null ? id : invoiceNumber)
                    + " is not disputed; only a dispute is escalated to legal");
        }
        if (disputeEscalatedOn != null) {
            throw new ConflictProblem("the dispute of invoice " + invoiceNumber + " was escalated to legal on "
                    + disputeEscalatedOn + " already");
        }
        disputeEscalatedOn = on;
    }

    /**
     * Writes off what is still owed: the invoice is WRITTEN_OFF, so dunning, interest and the open items leave it
     * alone. Returns the claim written off, for the write-off record; the amounts charged and paid on the invoice stay
     * as they were, so the history reads the same afterwards (GoBD: no change that hides the former state).
     */
    public OpenClaim writeOff(LocalDate on) {
        if (!status.isReceivable()) {
            throw new ConflictProblem("invoice " + (invoiceNumber == null ? id : invoiceNumber) + " is " + status
                    + "; only what is still owed on an ISSUED or PARTIALLY_PAID invoice can be written off");
        }
        OpenClaim open = openClaim();
        status = InvoiceStatus.WRITTEN_OFF;
        writtenOffOn = on;
        return open;
    }

    /**
     * Ends the dispute: dunning goes on from the level reached, and the next step waits its full days from {@code on}
     * (see DunningLadder). Allowed whatever the status, so that a dispute of an invoice paid or cancelled meanwhile can
     * still be closed.
     */
    public void resolveDispute(LocalDate on) {
        if (!disputed) {
            throw new ConflictProblem("invoice " + (invoiceNumber == null ? id : invoiceNumber) + " is not disputed");
        }
        disputed = false;
        disputeResolvedOn = on;
    }

    public boolean isOverdue(LocalDate today) {
        return status.isReceivable() && dueDate != null && today.isAfter(dueDate);
    }

    /** Charges default interest for the days up to and including {@code until}. */
    public void chargeInterest(BigDecimal interest, LocalDate until) {
        interestCharged = interestCharged.add(interest);
        interestAccruedUntil = until;
    }

    /** Records a dunning notice of {@code level}, charging its fee; the reminder (level 1) starts the default. */
    public void dun(int level, BigDecimal fee, LocalDate on) {
        dun(level, fee, on, on);
    }

    /**
     * As above, for a notice that asks to be paid by {@code payBy}: a reminder that grants time to pay puts the debtor
     * in default only when that time has lapsed (§286 (1) BGB, prevailing view), so default and interest start then.
     */
    public void dun(int level, BigDecimal fee, LocalDate on, LocalDate payBy) {
        if (level != dunningLevel + 1 || !status.isReceivable() || disputed) {
            throw new IllegalStateException("invoice " + invoiceNumber + " at level " + dunningLevel + ", " + status
                    + (disputed ? ", disputed" : "") + ", cannot be dunned at level " + level);
        }
        dunningLevel = level;
        lastDunningOn = on;
        feesCharged = feesCharged.add(fee);
        if (level == 1) {
            defaultSince = payBy;
            interestAccruedUntil = payBy;
        }
    }

    /** The principal still owed: gross total less what was paid on it. */
    public BigDecimal openAmount() {
        return status.isReceivable()
                ? grossTotal.subtract(paidAmount).subtract(credited())
                : BigDecimal.ZERO.setScale(2);
    }

    /** What partial credit notes took off the principal (zero when none). */
    public BigDecimal credited() {
        return creditedAmount == null ? BigDecimal.ZERO.setScale(2) : creditedAmount;
    }

    /**
     * Takes {@code amount} of a partial credit note off the principal still owed; the invoice is PAID once nothing is
     * owed any more (it is settled, by payment and credit together).
     */
    public void creditAgainstOpen(BigDecimal amount) {
        if (amount.signum() == 0) {
            return;
        }
        if (!status.isReceivable() || amount.signum() < 0 || amount.compareTo(openAmount()) > 0) {
            throw new IllegalArgumentException("a credit of " + amount + " against " + status + " invoice "
                    + invoiceNumber + " with " + openAmount() + " open");
        }
        creditedAmount = credited().add(amount);
        if (openClaim().isSettled()) {
            status = InvoiceStatus.PAID;
        }
    }

    /** Everything still owed on this invoice, by the kinds of debt §367 BGB ranks. */
    public OpenClaim openClaim() {
        if (!status.isReceivable()) {
            return new OpenClaim(BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2));
        }
        return new OpenClaim(feesCharged.subtract(feesPaid), interestCharged.subtract(interestPaid), openAmount());
    }

    /** Books the part of a payment allocated to this invoice: PAID once nothing is owed, else PARTIALLY_PAID. */
    public void settle(PaymentAllocation allocation) {
        if (!status.isReceivable()) {
            throw new ConflictProblem("invoice " + (invoiceNumber == null ? id : invoiceNumber) + " is " + status
                    + "; payments are booked against ISSUED or PARTIALLY_PAID invoices");
        }
        OpenClaim open = openClaim();
        if (allocation.fees().compareTo(open.fees()) > 0
                || allocation.interest().compareTo(open.interest()) > 0
                || allocation.principal().compareTo(open.principal()) > 0) {
            throw new IllegalArgumentException(allocation + " exceeds what is owed: " + open);
        }
        feesPaid = feesPaid.add(allocation.fees());
        interestPaid = interestPaid.add(allocation.interest());
        paidAmount = paidAmount.add(allocation.principal());
        status = openClaim().isSettled() ? InvoiceStatus.PAID : InvoiceStatus.PARTIALLY_PAID;
    }
}
