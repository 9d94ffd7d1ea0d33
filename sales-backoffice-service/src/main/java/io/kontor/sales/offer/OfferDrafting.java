package io.kontor.sales.offer;

import io.kontor.platform.events.sales.CustomerType;
import io.kontor.platform.problem.ConflictProblem;
import io.kontor.platform.problem.InvalidFieldProblem;
import io.kontor.platform.time.BusinessCalendar;
import io.kontor.sales.SalesConfig;
import io.kontor.sales.customer.Customer;
import io.kontor.sales.template.OfferTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Drafting offers: a new draft, a changed draft, or for a sent offer its next revision. What the lines cost is
 * {@link OfferPricing}'s.
 */
@ApplicationScoped
public class OfferDrafting {

    private static final int FIRST_REVISION = 1;

    @Inject
    BusinessCalendar calendar;

    @Inject
    OfferNumbers numbers;

    @Inject
    Clock clock;

    @Inject
    SalesConfig config;

    @Inject
    OfferPricing pricing;

    /**
     * A new draft. A front-office system ({@code byFrontOffice}) sells at list prices: it may not set a line's price,
     * discount or tax treatment, which are sales' decisions.
     */
    @Transactional
    public Offer create(OfferRequest request, String createdBy, boolean byFrontOffice) {
        // What is wrong with the request itself is said before what is wrong with the data it refers to.
        if (request.templateId() == null
                && (request.lines() == null || request.lines().isEmpty())) {
            throw OfferPricing.nothingToOffer();
        }
        if (byFrontOffice) {
            refuseSalesDecisions(request);
        }
        Customer customer = byFrontOffice
                ? ownCustomer(request.customerId(), createdBy)
                : Customer.<Customer>findByIdOptional(request.customerId())
                        .orElseThrow(() -> new InvalidFieldProblem("customerId", "no customer has this id"));
        refuseOnCreditHold(customer);
        OfferTemplate template = template(request.templateId());
        LocalDate today = calendar.today();
        Offer offer = new Offer();
        offer.id = UUID.randomUUID();
        offer.revision = FIRST_REVISION;
        offer.customerId = customer.id;
        offer.status = OfferStatus.DRAFT;
        offer.currency = Offer.CURRENCY;
        offer.createdAt = Instant.now(clock);
        offer.createdBy = createdBy;
        describe(offer, request, template, today, customer);
        offer.offerNumber = numbers.next(today.getYear());
        offer.persist();
        return offer;
    }

    /** A changed offer: the draft itself, or for a sent offer its next revision ({@code revised}). */
    public record Change(Offer offer, boolean revised) {}

    /**
     * Changes an offer. A draft is changed in place. A sent offer stays as the customer got it, SUPERSEDED, and the
     * change becomes revision n+1 under the same number, a draft with a fresh validity that is sent again; what the
     * customer may accept is always the latest revision.
     */
    @Transactional
    public Change change(UUID id, OfferRequest request) {
        Offer offer = Offer.locked(id);
        if (!offer.customerId.equals(request.customerId())) {
            throw new InvalidFieldProblem(
                    "customerId", "an offer stays with its customer; make a new offer for another one");
        }
        OfferTemplate template = template(request.templateId());
        LocalDate today = calendar.today();
        switch (offer.status) {
            case DRAFT -> {
                describe(offer, request, template, today, Customer.findById(offer.customerId));
                return new Change(offer, false);
            }
            case SENT -> {
                if (offer.isDueToExpire(today)) {
                    throw new ConflictProblem("offer " + offer.offerNumber + " was valid until " + offer.validUntil
                            + " and has expired; make a new offer");
                }
                refuseOnCreditHold(Customer.findById(offer.customerId));
                Offer next = new Offer();
                next.id = UUID.randomUUID();
                next.offerNumber = offer.offerNumber;
                next.revision = offer.revision + 1;
                next.previousRevisionId = offer.id;
                next.customerId = offer.customerId;
                next.status = OfferStatus.DRAFT;
                next.currency = offer.currency;
                next.createdAt = Instant.now(clock);
                next.createdBy = offer.createdBy;
                describe(next, request, template, today, Customer.findById(offer.customerId));
                next.persist();
                offer.supersede(next.id, next.createdAt);
                return new Change(next, true);
            }
            default ->
                throw new ConflictProblem("offer " + offer.offerNumber + " is " + offer.status
                        + " and cannot be changed; make a new offer");
        }
    }

    /**
     * A front-office system offers only to the customers it registered, and learns nothing of any other: an unknown id,
     * another's customer and one of its own on credit hold all get the same answer, without a customer number (issue
     * #24). Templates are sales' texts and terms, which front-office may not read, so it may not copy them either.
     */
    private static Customer ownCustomer(UUID customerId, String caller) {
        Customer customer = Customer.<Customer>findByIdOptional(customerId)
                .filter(c -> caller != null && caller.equals(c.registeredBy) && !c.creditHold)
                .orElse(null);
        if (customer == null) {
            throw new InvalidFieldProblem("customerId", "this system can make no offer for this customer");
        }
        return customer;
    }

    private static void refuseOnCreditHold(Customer customer) {
        if (customer.creditHold) {
            throw new ConflictProblem("customer " + customer.customerNumber
                    + " is on credit hold: no new offers until accounting lifts it");
        }
    }

    private static void refuseSalesDecisions(OfferRequest request) {
        if (request.templateId() != null) {
            throw new InvalidFieldProblem(
                    "templateId", "offer templates are sales' texts and terms; a front-office system sends lines");
        }
        if (request.termsText() != null) {
            throw new InvalidFieldProblem(
                    "termsText", "terms are sales' (and legal's); a front-office system sends lines");
        }
        if (request.documentDiscountPercent() != null) {
            throw new InvalidFieldProblem(
                    "documentDiscountPercent", "discounts are granted by sales, not by a front-office system");
        }
        if (request.documentDiscountAmount() != null) {
            throw new InvalidFieldProblem(
                    "documentDiscountAmount", "discounts are granted by sales, not by a front-office system");
        }
        if (request.documentDiscountReason() != null) {
            throw new InvalidFieldProblem(
                    "documentDiscountReason", "discounts are granted by sales, not by a front-office system");
        }
        List<OfferRequest.Line> lines = request.lines() == null ? List.of() : request.lines();
        for (int i = 0; i < lines.size(); i++) {
            OfferRequest.Line line = lines.get(i);
            if (line.unitPrice() != null) {
                throw new InvalidFieldProblem(
                        "lines[" + i + "].unitPrice", "a front-office system offers at list price; leave it out");
            }
            if (line.discountPercent() != null) {
                throw new InvalidFieldProblem(
                        "lines[" + i + "].discountPercent",
                        "discounts are granted by sales, not by a front-office system");
            }
            if (line.taxTreatment() != null) {
                throw new InvalidFieldProblem(
                        "lines[" + i + "].taxTreatment",
                        "the tax treatment is set by sales, not by a front-office system");
            }
            if (line.vatRate() != null) {
                throw new InvalidFieldProblem(
                        "lines[" + i + "].vatRate", "the VAT rate is set by sales, not by a front-office system");
            }
        }
    }

    /** What the request decides of an offer: billing, dates, texts and the priced lines. */
    private void describe(
            Offer offer, OfferRequest request, OfferTemplate template, LocalDate today, Customer customer) {
        if (request.serviceFrom() == null && request.serviceUntil() != null) {
            throw new InvalidFieldProblem("serviceFrom", "a service period needs its first day as well");
        }
        if (request.serviceUntil() != null && request.serviceUntil().isBefore(request.serviceFrom())) {
            throw new InvalidFieldProblem(
                    "serviceUntil", "the service period ends before it starts (" + request.serviceFrom() + ")");
        }
        offer.purchaseOrderReference = request.purchaseOrderReference() == null
                        || request.purchaseOrderReference().isBlank()
                ? null
                : request.purchaseOrderReference().strip();
        offer.serviceFrom = request.serviceFrom();
        offer.serviceUntil =
                request.serviceFrom() != null && request.serviceFrom().equals(request.serviceUntil())
                        ? null
                        : request.serviceUntil();
        offer.billing = request.billing();
        offer.issueDate = today;
        offer.validUntil = today.plusDays(
                template != null ? template.validityDays : config.offers().validityDays());
        offer.templateId = template == null ? null : template.id;
        offer.introText = template == null ? null : template.introText;
        offer.termsText = request.termsText() != null && !request.termsText().isBlank()
                ? request.termsText().strip()
                : template == null ? null : template.termsText;
        offer.pricesGross = customer.type == CustomerType.CONSUMER;
        offer.discount(
                request.documentDiscountPercent(),
                request.documentDiscountAmount(),
                request.documentDiscountReason() == null
                                || request.documentDiscountReason().isBlank()
                        ? null
                        : request.documentDiscountReason().strip());
        offer.price(pricing.priced(OfferPricing.wanted(request, template), customer));
    }

    private static OfferTemplate template(UUID templateId) {
        if (templateId == null) {
            return null;
        }
        return OfferTemplate.<OfferTemplate>findByIdOptional(templateId)
                .orElseThrow(() -> new InvalidFieldProblem("templateId", "no offer template has this id"));
    }
}
