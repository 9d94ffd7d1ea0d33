package io.kontor.accounting.offer;

import io.kontor.accounting.invoice.Buyer;
import io.kontor.accounting.invoice.InvoiceLine;
import io.kontor.platform.events.sales.BillingMode;
import io.kontor.platform.events.sales.DocumentDiscount;
import io.kontor.platform.events.sales.OfferAccepted;
import io.kontor.platform.events.sales.OfferLine;
import io.kontor.platform.events.sales.OfferLineKind;
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
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An offer the customer accepted, as accounting bills it. Kept for every accepted offer: those billed by milestones are
 * invoiced later, when project-office reports a milestone, and need the customer and terms agreed here.
 */
@Entity
@Table(name = "accepted_offer")
public class AcceptedOffer extends PanacheEntityBase {

    @Id
    public UUID offerId;

    public String offerNumber;
    public int revision;
    public UUID customerId;

    @Enumerated(EnumType.STRING)
    public BillingMode billing;

    public String currency;
    public BigDecimal netTotal;
    public BigDecimal vatTotal;
    public BigDecimal grossTotal;
    public Instant acceptedAt;
    public int paymentTermDays;

    @Embedded
    public Buyer buyer;

    public String purchaseOrderReference;
    public LocalDate serviceFrom;
    public LocalDate serviceUntil;

    @ElementCollection
    @CollectionTable(name = "accepted_offer_line", joinColumns = @JoinColumn(name = "offer_id"))
    @OrderColumn(name = "position")
    public List<InvoiceLine> lines = new ArrayList<>();

    public Instant receivedAt;

    /** The document discount the offer granted (before VAT), carried onto its invoice; null without one. */
    public BigDecimal discountPercent;

    public BigDecimal discountAmount;
    public String discountReason;

    public DocumentDiscount discount() {
        return discountAmount == null ? null : new DocumentDiscount(discountPercent, discountAmount, discountReason);
    }

    /** The AGB version the offer was accepted under; null when it named none. */
    public String termsTitle;

    public Integer termsVersion;
    public LocalDate termsEffectiveFrom;

    /** The sentence an invoice for this offer carries about its AGB, if the offer named a version. */
    public static Optional<String> termsNotice(UUID offerId) {
        if (offerId == null) {
            return Optional.empty();
        }
        AcceptedOffer offer = findById(offerId);
        if (offer == null || offer.termsVersion == null) {
            return Optional.empty();
        }
        return Optional.of("Es gelten die mit dem Angebot " + offer.offerNumber + " angenommenen " + offer.termsTitle
                + " in der Fassung Version " + offer.termsVersion + " vom "
                + offer.termsEffectiveFrom.format(DateTimeFormatter.ofPattern("dd.MM.yyyy")) + ".");
    }

    /**
     * The offer as the event tells it; refuses data that cannot be billed (the event then goes to the dead letters).
     */
    static AcceptedOffer of(OfferAccepted accepted, String defaultCurrency, Instant now) {
        require(accepted.offerId() != null, "offerId is missing");
        require(accepted.customerId() != null, "customerId is missing");
        require(accepted.customer() != null, "the customer snapshot is missing");
        require(accepted.billing() != null, "billing is missing");
        require(accepted.lines() != null && !accepted.lines().isEmpty(), "the offer has no lines");
        AcceptedOffer offer = new AcceptedOffer();
        offer.offerId = accepted.offerId();
        offer.offerNumber = accepted.offerNumber();
        offer.revision = accepted.revision();
        offer.customerId = accepted.customerId();
        offer.billing = accepted.billing();
        offer.currency = accepted.currency() == null ? defaultCurrency : accepted.currency();
        offer.netTotal = accepted.netTotal();
        offer.vatTotal = accepted.vatTotal();
        offer.grossTotal = accepted.grossTotal();
        offer.acceptedAt = accepted.acceptedAt();
        offer.paymentTermDays = accepted.customer().paymentTermDays();
        offer.buyer = Buyer.of(accepted.customer());
        offer.purchaseOrderReference = accepted.purchaseOrderReference();
        offer.serviceFrom = accepted.serviceFrom();
        offer.serviceUntil = accepted.serviceUntil();
        require(
                offer.serviceUntil == null
                        || (offer.serviceFrom != null && !offer.serviceUntil.isBefore(offer.serviceFrom)),
                "the service period " + offer.serviceFrom + " to " + offer.serviceUntil + " is no period");
        offer.receivedAt = now;
        if (accepted.terms() != null) {
            offer.termsTitle = accepted.terms().title();
            offer.termsVersion = accepted.terms().version();
            offer.termsEffectiveFrom = accepted.terms().effectiveFrom();
        }
        if (accepted.discount() != null && accepted.discount().amount() != null) {
            require(accepted.discount().amount().signum() >= 0, "the discount is negative");
            offer.discountPercent = accepted.discount().percent();
            offer.discountAmount = accepted.discount().amount();
            offer.discountReason = accepted.discount().reason();
        }
        for (OfferLine line : accepted.lines()) {
            if (OfferLineKind.orProduct(line.kind()) == OfferLineKind.TEXT) {
                require(line.description() != null, "a text line has no text");
                offer.lines.add(InvoiceLine.text(line.description()));
                continue;
            }
            require(
                    line.quantity() != null && line.unitPrice() != null && line.vatRate() != null,
                    "a line lacks quantity, unit price or VAT rate");
            InvoiceLine invoiceLine = InvoiceLine.of(
                    line.sku(),
                    line.description() == null ? line.sku() : line.description(),
                    line.quantity(),
                    line.unit(),
                    line.unitPrice(),
                    line.discountPercent(),
                    line.vatRate(),
                    line.taxTreatment(),
                    line.taxReason());
            invoiceLine.kind = line.kind();
            offer.lines.add(invoiceLine);
        }
        require(offer.lines.stream().anyMatch(line -> !line.isText()), "the offer has only text lines");
        return offer;
    }

    /** The lines that carry an amount, which milestones are split over. */
    List<InvoiceLine> pricedLines() {
        return lines.stream().filter(line -> !line.isText()).toList();
    }

    List<InvoiceLine> invoiceLines() {
        return lines.stream().map(InvoiceLine::copy).toList();
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException("OfferAccepted cannot be billed: " + problem);
        }
    }
}
