package io.kontor.sales.offer;

import io.kontor.platform.events.sales.BillingMode;
import io.kontor.platform.events.sales.CustomerSnapshot;
import io.kontor.platform.events.sales.OfferAccepted;
import io.kontor.platform.events.sales.OfferRejected;
import io.kontor.platform.events.sales.OfferSent;
import io.kontor.platform.problem.ConflictProblem;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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
import org.hibernate.annotations.BatchSize;

/** An offer (Angebot) to one customer: priced lines, totals, and where it stands. */
@Entity
@Table(name = "offer")
public class Offer extends PanacheEntityBase {

    public static final String CURRENCY = "EUR";

    @Id
    public UUID id;
    /** "AN-2025-000001": gapless per year, assigned by {@link OfferNumbers}. */
    @Column(name = "offer_number", nullable = false, unique = true, length = 20)
    public String offerNumber;
    /** Always 1 for now: revising a sent offer is not built yet. */
    @Column(name = "revision", nullable = false)
    public int revision;
    @Column(name = "customer_id", nullable = false)
    public UUID customerId;
    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    public OfferStatus status;
    @Enumerated(EnumType.STRING)
    @Column(name = "billing", nullable = false, length = 20)
    public BillingMode billing;
    @Column(name = "currency", nullable = false, length = 3)
    public String currency;
    @Column(name = "issue_date", nullable = false)
    public LocalDate issueDate;
    /** Last day on which the customer can accept (inclusive). */
    @Column(name = "valid_until", nullable = false)
    public LocalDate validUntil;
    @Column(name = "net_total", nullable = false, precision = 21, scale = 2)
    public BigDecimal netTotal;
    @Column(name = "vat_total", nullable = false, precision = 21, scale = 2)
    public BigDecimal vatTotal;
    @Column(name = "gross_total", nullable = false, precision = 21, scale = 2)
    public BigDecimal grossTotal;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "sent_at")
    public Instant sentAt;
    @Column(name = "accepted_at")
    public Instant acceptedAt;
    @Column(name = "rejected_at")
    public Instant rejectedAt;
    @Column(name = "rejection_reason", length = 1000)
    public String rejectionReason;

    @ElementCollection
    @CollectionTable(name = "offer_line", joinColumns = @JoinColumn(name = "offer_id"))
    @OrderColumn(name = "line_no")
    @BatchSize(size = 50)
    public List<OfferLineItem> lines = new ArrayList<>();

    public OfferTotals totals() {
        return OfferTotals.of(lines.stream().map(OfferLineItem::forTotals).toList());
    }

    void price(List<OfferLineItem> pricedLines) {
        lines.clear();
        lines.addAll(pricedLines);
        OfferTotals totals = totals();
        netTotal = totals.netTotal();
        vatTotal = totals.vatTotal();
        grossTotal = totals.grossTotal();
    }

    void send(Instant now, LocalDate today) {
        requireTransition(OfferStatus.SENT, "sent");
        if (today.isAfter(validUntil)) {
            throw new ConflictProblem("offer " + offerNumber + " was valid until " + validUntil + " and can no longer be sent; make a new offer");
        }
        status = OfferStatus.SENT;
        sentAt = now;
    }

    void accept(Instant now, LocalDate today) {
        requireTransition(OfferStatus.ACCEPTED, "accepted");
        if (today.isAfter(validUntil)) {
            throw new ConflictProblem("offer " + offerNumber + " was valid until " + validUntil + " and can no longer be accepted");
        }
        status = OfferStatus.ACCEPTED;
        acceptedAt = now;
    }

    void reject(Instant now, String reason) {
        requireTransition(OfferStatus.REJECTED, "rejected");
        status = OfferStatus.REJECTED;
        rejectedAt = now;
        rejectionReason = reason;
    }

    private void requireTransition(OfferStatus next, String verb) {
        if (!status.canBecome(next)) {
            throw new ConflictProblem("offer " + offerNumber + " is " + status + " and cannot be " + verb);
        }
    }

    OfferSent sent() {
        return new OfferSent(id, offerNumber, revision, customerId, validUntil, netTotal, grossTotal, currency);
    }

    OfferAccepted accepted(CustomerSnapshot customer) {
        return new OfferAccepted(id, offerNumber, revision, customerId, customer, billing, currency,
                lines.stream().map(OfferLineItem::toEvent).toList(), netTotal, vatTotal, grossTotal, acceptedAt);
    }

    OfferRejected rejected() {
        return new OfferRejected(id, offerNumber, customerId, rejectionReason);
    }
}
