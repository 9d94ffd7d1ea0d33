package io.kontor.sales.offer;

import io.kontor.platform.events.sales.Address;
import io.kontor.platform.events.sales.BillingMode;
import io.kontor.platform.events.sales.CustomerSnapshot;
import io.kontor.platform.events.sales.DocumentDiscount;
import io.kontor.platform.events.sales.OfferAccepted;
import io.kontor.platform.events.sales.OfferExpired;
import io.kontor.platform.events.sales.OfferRejected;
import io.kontor.platform.events.sales.OfferReviewRequested;
import io.kontor.platform.events.sales.OfferSent;
import io.kontor.platform.events.sales.TermsVersion;
import io.kontor.platform.persistence.Found;
import io.kontor.platform.problem.ConflictProblem;
import io.kontor.platform.problem.InvalidFieldProblem;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;

/** An offer (Angebot) to one customer: priced lines, totals, and where it stands. */
@Entity
@Table(name = "offer")
public class Offer extends PanacheEntityBase {

    public static final String CURRENCY = "EUR";

    /**
     * Transitions lock the offer first: two concurrent "accept"s then see each other's result, and the second is a 409
     * instead of a second OfferAccepted (which would bill the customer twice).
     */
    static Offer locked(UUID id) {
        return Found.lockedById(Offer.class, id, "offer");
    }

    @Id
    public UUID id;
    /** "AN-2025-000001": gapless per year, assigned by {@link OfferNumbers}. */
    @Column(nullable = false, length = 20)
    public String offerNumber;
    /** 1, then n+1 for each change of a sent offer; all revisions share the number. */
    @Column(nullable = false)
    public int revision;

    public UUID previousRevisionId;

    public UUID supersededById;

    public Instant supersededAt;

    @Column(nullable = false)
    public UUID customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public OfferStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public BillingMode billing;

    @Column(nullable = false, length = 3)
    public String currency;

    @Column(nullable = false)
    public LocalDate issueDate;
    /** Last day on which the customer can accept (inclusive). */
    @Column(nullable = false)
    public LocalDate validUntil;

    @Column(nullable = false, precision = 21, scale = 2)
    public BigDecimal netTotal;

    @Column(nullable = false, precision = 21, scale = 2)
    public BigDecimal vatTotal;

    @Column(nullable = false, precision = 21, scale = 2)
    public BigDecimal grossTotal;

    /** The lines' net sum before the document discount. */
    @Column(precision = 21, scale = 2)
    public BigDecimal linesNetTotal;
    /** The document discount in percent of the lines' sum, or null (none, or one given as an amount). */
    @Column(precision = 5, scale = 2)
    public BigDecimal discountPercent;
    /** The document discount's net amount (given, or from the percentage); null without one. */
    @Column(precision = 21, scale = 2)
    public BigDecimal discountAmount;

    @Column(length = 200)
    public String discountReason;
    /** Made for a consumer: the offer shows prices with VAT (§1 PAngV). */
    @Column(nullable = false)
    public boolean pricesGross;

    /**
     * The customer as the offer was sent to them, and the payment terms then: a later change of the master data does
     * not change a sent offer (or its PDF, or what the invoice agreed). Null until sent.
     */
    public String recipientCustomerNumber;

    public String recipientName;
    public String recipientStreet;
    public String recipientPostalCode;
    public String recipientCity;
    public String recipientCountry;
    public String recipientVatId;
    public Integer paymentTermDays;

    @Column(nullable = false)
    public Instant createdAt;
    /** The caller (token subject) that made the first revision; revisions keep it, so its maker still sees them. */
    public String createdBy;

    public Instant sentAt;

    public Instant acceptedAt;

    public Instant rejectedAt;

    @Column(length = 1000)
    public String rejectionReason;

    public Instant expiredAt;
    /** Every invoice accounting issued for this offer is paid (cancelled ones aside), and there is at least one. */
    @Column(nullable = false)
    public boolean paid;

    /** The template the offer was made from, and its texts as they were then. */
    public UUID templateId;

    @Column(length = 4000)
    public String introText;

    @Column(length = 4000)
    public String termsText;

    /** The customer's order number (BT-13 of the invoice), or null. */
    @Column(length = 200)
    public String purchaseOrderReference;
    /** The date of the service, or the first day of its period (§14 (4) Nr. 6 UStG); null when not agreed yet. */
    public LocalDate serviceFrom;
    /** The last day of the service period; null for a single day. */
    public LocalDate serviceUntil;

    /**
     * The AGB version in force when the offer was sent, pinned then and never changed after (a later AGB change does
     * not change a sent offer); null when no AGB were in force or before legal-service existed.
     */
    public UUID termsDocumentId;

    public String termsLanguage;
    public Integer termsVersion;
    public String termsTitle;
    public LocalDate termsEffectiveFrom;
    public String termsSha256;

    /** Who declared the acceptance for the customer (as the request named them), and who recorded it (the caller). */
    public String acceptedBy;

    public String acceptanceRecordedBy;

    @ElementCollection
    @CollectionTable(name = "offer_line", joinColumns = @JoinColumn(name = "offer_id"))
    @OrderColumn(name = "line_no")
    @BatchSize(size = 50)
    public List<OfferLineItem> lines = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "offer_invoice", joinColumns = @JoinColumn(name = "offer_id"))
    @OrderBy("linkedAt")
    @BatchSize(size = 50)
    public List<OfferInvoice> invoices = new ArrayList<>();

    /** The totals of the lines that count: optional lines only once chosen. */
    public OfferTotals totals() {
        return OfferTotals.of(
                lines.stream()
                        .filter(OfferLineItem::counts)
                        .map(OfferLineItem::forTotals)
                        .toList(),
                discount());
    }

    /** The document discount, or null: a percentage is taken of the lines that count now, options chosen included. */
    public DocumentDiscount discount() {
        if (discountPercent == null && discountAmount == null) {
            return null;
        }
        BigDecimal amount = discountPercent == null
                ? discountAmount
                : DocumentDiscount.amountOf(
                        lines.stream()
                                .filter(OfferLineItem::counts)
                                .map(line -> line.netAmount)
                                .reduce(BigDecimal.ZERO, BigDecimal::add),
                        discountPercent);
        return new DocumentDiscount(discountPercent, amount, discountReason);
    }

    /** Sets the document discount (a percentage or an amount, not both; neither removes it). */
    void discount(BigDecimal percent, BigDecimal amount, String reason) {
        if (percent != null && amount != null) {
            throw new InvalidFieldProblem(
                    "documentDiscountAmount", "a document discount is a percentage or an amount, not both");
        }
        discountPercent = percent == null ? null : percent.setScale(2);
        discountAmount = amount == null ? null : amount.setScale(2);
        discountReason = percent == null && amount == null ? null : reason;
    }

    /**
     * The customer's choice among the optional lines, by position (1 = first line); the totals follow. An empty choice
     * takes none of them.
     */
    void choose(Collection<Integer> positions) {
        for (int position : positions) {
            if (position < 1 || position > lines.size()) {
                throw new InvalidFieldProblem("chosenOptions", "offer " + offerNumber + " has no line " + position);
            }
            if (!lines.get(position - 1).optional) {
                throw new InvalidFieldProblem(
                        "chosenOptions", "line " + position + " of offer " + offerNumber + " is not optional");
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            OfferLineItem line = lines.get(i);
            line.chosen = line.optional && positions.contains(i + 1);
        }
        updateTotals();
    }

    void price(List<OfferLineItem> pricedLines) {
        lines.clear();
        lines.addAll(pricedLines);
        updateTotals();
    }

    private void updateTotals() {
        OfferTotals totals = totals();
        if (discountAmount != null && discountPercent == null && discountAmount.compareTo(totals.linesNetTotal()) > 0) {
            throw new InvalidFieldProblem(
                    "documentDiscountAmount",
                    "the discount of " + discountAmount + " is more than the lines' net sum of "
                            + totals.linesNetTotal());
        }
        linesNetTotal = totals.linesNetTotal();
        if (discountPercent != null) {
            discountAmount = totals.discountTotal();
        }
        netTotal = totals.netTotal();
        vatTotal = totals.vatTotal();
        grossTotal = totals.grossTotal();
    }

    /** Freezes whom the offer goes to and on which payment terms (see {@link #recipientName}). */
    void snapshotRecipient(io.kontor.sales.customer.Customer customer) {
        recipientCustomerNumber = customer.customerNumber;
        recipientName = customer.name;
        recipientStreet = customer.billingAddress.street;
        recipientPostalCode = customer.billingAddress.postalCode;
        recipientCity = customer.billingAddress.city;
        recipientCountry = customer.billingAddress.country;
        recipientVatId = customer.vatId;
        paymentTermDays = customer.paymentTermDays;
    }

    /**
     * The customer as the offer names them: as it was sent, or (a draft) as they are now. The payment terms are those
     * the offer was sent with: what the customer accepted.
     */
    public CustomerSnapshot recipient(io.kontor.sales.customer.Customer customer) {
        CustomerSnapshot now = customer.snapshot();
        if (recipientName == null) {
            return now;
        }
        return new CustomerSnapshot(
                recipientCustomerNumber,
                recipientName,
                now.type(),
                now.email(),
                recipientVatId,
                paymentTermDays,
                new Address(recipientStreet, recipientPostalCode, recipientCity, recipientCountry),
                now.buyerReference(),
                now.invoiceEmail());
    }

    /**
     * Whom the invoice goes to: the customer's billing data now (§14 (4) Nr. 1 UStG wants the buyer's actual address),
     * on the payment terms the offer was sent with, which are what the customer accepted.
     */
    CustomerSnapshot billedTo(io.kontor.sales.customer.Customer customer) {
        CustomerSnapshot now = customer.snapshot();
        if (paymentTermDays == null) {
            return now;
        }
        return new CustomerSnapshot(
                now.customerNumber(),
                now.name(),
                now.type(),
                now.email(),
                now.vatId(),
                paymentTermDays,
                now.billingAddress(),
                now.buyerReference(),
                now.invoiceEmail());
    }

    void send(Instant now, LocalDate today) {
        requireTransition(OfferStatus.SENT, "sent");
        if (today.isAfter(validUntil)) {
            throw new ConflictProblem("offer " + offerNumber + " was valid until " + validUntil
                    + " and can no longer be sent; make a new offer");
        }
        status = OfferStatus.SENT;
        sentAt = now;
    }

    /** Sent under these AGB: the offer, its PDF and its acceptance name them from now on (§305 (2) BGB). */
    void pinTerms(TermsVersion terms) {
        termsDocumentId = terms.documentId();
        termsLanguage = terms.language();
        termsVersion = terms.version();
        termsTitle = terms.title();
        termsEffectiveFrom = terms.effectiveFrom();
        termsSha256 = terms.sha256();
    }

    /** The pinned AGB version, or null. */
    public TermsVersion terms() {
        return termsVersion == null
                ? null
                : new TermsVersion(
                        termsDocumentId, termsLanguage, termsVersion, termsTitle, termsEffectiveFrom, termsSha256);
    }

    /** The legal-review rules hold the offer back: legal decides before it goes out. */
    void holdForReview() {
        requireTransition(OfferStatus.IN_REVIEW, "held for review");
        status = OfferStatus.IN_REVIEW;
    }

    void reviewDecided(boolean approved) {
        OfferStatus next = approved ? OfferStatus.REVIEW_APPROVED : OfferStatus.REVIEW_REJECTED;
        requireTransition(next, approved ? "approved" : "rejected");
        status = next;
    }

    void returnToDraft() {
        requireTransition(OfferStatus.DRAFT, "returned to draft");
        status = OfferStatus.DRAFT;
    }

    /** Accepted with the optional lines the customer chose (positions; none when null). */
    void accept(Instant now, LocalDate today, Collection<Integer> chosenOptions) {
        requireTransition(OfferStatus.ACCEPTED, "accepted");
        if (today.isAfter(validUntil)) {
            throw new ConflictProblem(
                    "offer " + offerNumber + " was valid until " + validUntil + " and can no longer be accepted");
        }
        choose(chosenOptions == null ? List.of() : chosenOptions);
        status = OfferStatus.ACCEPTED;
        acceptedAt = now;
    }

    void reject(Instant now, String reason) {
        requireTransition(OfferStatus.REJECTED, "rejected");
        status = OfferStatus.REJECTED;
        rejectedAt = now;
        rejectionReason = reason;
    }

    /**
     * Sales changed the sent offer: {@code next} is the revision the customer gets now; this one stays as it was sent.
     */
    void supersede(UUID next, Instant now) {
        requireTransition(OfferStatus.SUPERSEDED, "revised");
        status = OfferStatus.SUPERSEDED;
        supersededById = next;
        supersededAt = now;
    }

    /** A sent offer nobody answered is due to expire from the day after {@code validUntil}, the last day it binds. */
    boolean isDueToExpire(LocalDate today) {
        return status == OfferStatus.SENT && today.isAfter(validUntil);
    }

    void expire(Instant now, LocalDate today) {
        requireTransition(OfferStatus.EXPIRED, "expired");
        if (!today.isAfter(validUntil)) {
            throw new ConflictProblem(
                    "offer " + offerNumber + " is valid until " + validUntil + " and cannot expire before");
        }
        status = OfferStatus.EXPIRED;
        expiredAt = now;
    }

    void requireTransition(OfferStatus next, String verb) {
        if (!status.canBecome(next)) {
            throw new ConflictProblem("offer " + offerNumber + " is " + status + " and cannot be " + verb);
        }
    }

    /** Accounting issued an invoice for this offer (at acceptance, or for a milestone). */
    void invoiceIssued(UUID invoiceId, String invoiceNumber, Instant now) {
        invoice(invoiceId, invoiceNumber, now);
        updatePaid();
    }

    void invoicePaid(UUID invoiceId, String invoiceNumber, Instant now) {
        invoice(invoiceId, invoiceNumber, now).status = OfferInvoice.Status.PAID;
        updatePaid();
    }

    /**
     * A payment of a paid invoice was reversed (a wrong booking, a chargeback): it is owed again. A cancelled invoice
     * stays cancelled.
     */
    void invoiceUnpaid(UUID invoiceId, String invoiceNumber, Instant now) {
        OfferInvoice invoice = invoice(invoiceId, invoiceNumber, now);
        if (invoice.status == OfferInvoice.Status.PAID) {
            invoice.status = OfferInvoice.Status.ISSUED;
        }
        updatePaid();
    }

    /** Cancelled by a credit note: it is neither owed nor paid any more, whatever it was before. */
    void invoiceCancelled(UUID invoiceId, String invoiceNumber, Instant now) {
        invoice(invoiceId, invoiceNumber, now).status = OfferInvoice.Status.CANCELLED;
        updatePaid();
    }

    /** The link to the invoice, made on first word of it: if invoice-issued was lost, invoice-paid still links it. */
    private OfferInvoice invoice(UUID invoiceId, String invoiceNumber, Instant now) {
        for (OfferInvoice invoice : invoices) {
            if (invoice.invoiceId.equals(invoiceId)) {
                return invoice;
            }
        }
        OfferInvoice invoice = new OfferInvoice();
        invoice.invoiceId = invoiceId;
        invoice.invoiceNumber = invoiceNumber;
        invoice.status = OfferInvoice.Status.ISSUED;
        invoice.linkedAt = now;
        invoices.add(invoice);
        return invoice;
    }

    /**
     * Paid means nothing of it is owed: a second milestone invoice makes a paid offer unpaid again until it is paid
     * too.
     */
    private void updatePaid() {
        boolean anyPaid = invoices.stream().anyMatch(i -> i.status == OfferInvoice.Status.PAID);
        boolean anyOpen = invoices.stream().anyMatch(i -> i.status == OfferInvoice.Status.ISSUED);
        paid = anyPaid && !anyOpen;
    }

    OfferSent sent() {
        return new OfferSent(id, offerNumber, revision, customerId, validUntil, netTotal, grossTotal, currency);
    }

    OfferAccepted accepted(CustomerSnapshot customer) {
        return new OfferAccepted(
                id,
                offerNumber,
                revision,
                customerId,
                customer,
                billing,
                currency,
                // Headings travel too: the invoice prints them where the offer did.
                lines.stream()
                        .filter(line -> line.isText() || line.counts())
                        .map(OfferLineItem::toEvent)
                        .toList(),
                netTotal,
                vatTotal,
                grossTotal,
                acceptedAt,
                purchaseOrderReference,
                serviceFrom,
                serviceUntil == null ? serviceFrom : serviceUntil,
                terms(),
                acceptedBy != null ? acceptedBy : acceptanceRecordedBy,
                discount());
    }

    OfferReviewRequested reviewRequested(
            io.kontor.sales.customer.Customer customer, List<String> reasons, String by, Instant at) {
        return new OfferReviewRequested(
                id,
                offerNumber,
                revision,
                customerId,
                customer.name,
                customer.billingAddress.country,
                customer.paymentTermDays,
                currency,
                netTotal,
                grossTotal,
                termsText,
                // Legal reviews what is sold; headings sell nothing.
                lines.stream()
                        .filter(line -> !line.isText())
                        .map(OfferLineItem::toEvent)
                        .toList(),
                reasons,
                by,
                at);
    }

    OfferExpired expired() {
        return new OfferExpired(id, offerNumber, customerId, validUntil);
    }

    OfferRejected rejected() {
        return new OfferRejected(id, offerNumber, customerId, rejectionReason);
    }
}
