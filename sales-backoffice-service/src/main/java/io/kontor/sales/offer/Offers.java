package io.kontor.sales.offer;

import io.kontor.platform.events.sales.CustomerType;
import io.kontor.platform.events.sales.OfferLineKind;
import io.kontor.platform.events.sales.SupplyKind;
import io.kontor.platform.events.sales.TaxTreatment;
import io.kontor.platform.mail.MailDelivery;
import io.kontor.platform.mail.MailLocale;
import io.kontor.platform.mail.MailOutbox;
import io.kontor.platform.mail.MailRequest;
import io.kontor.platform.mail.MissingRecipientProblem;
import io.kontor.platform.outbox.Outbox;
import io.kontor.platform.persistence.Paging;
import io.kontor.platform.problem.ConflictProblem;
import io.kontor.platform.problem.InvalidFieldProblem;
import io.kontor.platform.problem.NotFoundProblem;
import io.kontor.platform.time.BusinessCalendar;
import io.kontor.platform.web.Page;
import io.kontor.sales.SalesConfig;
import io.kontor.sales.customer.Customer;
import io.kontor.sales.followup.FollowUps;
import io.kontor.sales.product.Product;
import io.kontor.sales.review.OfferReviewEntry;
import io.kontor.sales.review.ReviewRules;
import io.kontor.sales.template.OfferTemplate;
import io.kontor.sales.template.OfferTemplateLine;
import io.kontor.sales.terms.AgbVersion;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Making offers and moving them through their life; sent, accepted, rejected and expired offers are published on
 * {@code sales.offers}.
 */
@ApplicationScoped
public class Offers {

    @Inject
    BusinessCalendar calendar;

    private static final int FIRST_REVISION = 1;
    private static final int MAX_LINES = 200;

    @Inject
    Outbox outbox;

    @Inject
    OfferNumbers numbers;

    @Inject
    Clock clock;

    @Inject
    SalesConfig config;

    @Inject
    io.kontor.platform.company.CompanyProfile company;

    @Inject
    FollowUps followUps;

    @Inject
    MailOutbox mail;

    static final String OFFER_DOCUMENT = "offer";

    /**
     * A new draft. A front-office system ({@code byFrontOffice}) sells at list prices: it may not set a line's price,
     * discount or tax treatment, which are sales' decisions.
     */
    @Transactional
    public Offer create(OfferRequest request, String createdBy, boolean byFrontOffice) {
        // What is wrong with the request itself is said before what is wrong with the data it refers to.
        if (request.templateId() == null
                && (request.lines() == null || request.lines().isEmpty())) {
            throw nothingToOffer();
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
        Offer offer = locked(id);
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
        offer.price(priced(wanted(request, template), customer));
    }

    private static OfferTemplate template(UUID templateId) {
        if (templateId == null) {
            return null;
        }
        return OfferTemplate.<OfferTemplate>findByIdOptional(templateId)
                .orElseThrow(() -> new InvalidFieldProblem("templateId", "no offer template has this id"));
    }

    /**
     * Marks the offer sent and, with {@code deliver}, mails its PDF to the customer in the same transaction: the offer
     * is SENT exactly when its mail is on its way ({@link MailOutbox}). Without an address nothing changes (409 naming
     * the field); {@code deliver=false} is for an offer handed over some other way.
     */
    @Transactional
    public Offer send(UUID id, boolean deliver, String caller) {
        Offer offer = locked(id);
        Customer pinnedFor = Customer.findById(offer.customerId);
        if (offer.status == OfferStatus.DRAFT) {
            List<String> reasons = ReviewRules.reasons(deal(offer, pinnedFor), config.legalReview());
            if (!reasons.isEmpty()) {
                // Legal advises on the deal before it binds the company (issue #18): held, not sent.
                Instant now = Instant.now(clock);
                offer.holdForReview();
                OfferReviewEntry.of(offer.id, OfferReviewEntry.Kind.REQUESTED, reasons, null, caller, now)
                        .persist();
                outbox.publish(offer.reviewRequested(pinnedFor, reasons, caller, now));
                return offer;
            }
        }
        offer.send(Instant.now(clock), calendar.today());
        offer.snapshotRecipient(pinnedFor);
        AgbVersion.inForce(
                        MailLocale.forCountry(pinnedFor.billingAddress.country).getLanguage(), calendar.today())
                .map(AgbVersion::terms)
                .ifPresent(offer::pinTerms);
        if (deliver) {
            Customer customer = pinnedFor;
            if (customer.email == null || customer.email.isBlank()) {
                throw new MissingRecipientProblem(
                        "email",
                        "customer " + customer.customerNumber + " has no e-mail address (field email) to send offer "
                                + offer.offerNumber + " to; add one, or send with {\"deliver\": false}");
            }
            Locale language = MailLocale.forCountry(customer.billingAddress.country);
            mail.send(MailRequest.forDocument(OFFER_DOCUMENT, offer.id)
                    .to(customer.email)
                    .template("offer", language)
                    .data("offerNumber", offer.offerNumber)
                    .data("customerName", customer.name)
                    .data("grossTotal", MailLocale.amount(offer.grossTotal, language))
                    .data("currency", offer.currency)
                    .data("validUntil", MailLocale.date(offer.validUntil, language))
                    .attach(
                            OfferPdf.fileName(offer),
                            "application/pdf",
                            OfferPdf.of(offer, customer, CompanyLetterhead.of(company)))
                    .requestedBy(caller)
                    .build());
        }
        outbox.publish(offer.sent());
        return offer;
    }

    private static ReviewRules.Deal deal(Offer offer, Customer customer) {
        OfferTemplate template = offer.templateId == null ? null : OfferTemplate.findById(offer.templateId);
        return new ReviewRules.Deal(
                offer.grossTotal,
                offer.currency,
                offer.termsText,
                template != null,
                template == null ? null : template.termsText,
                customer.paymentTermDays,
                customer.billingAddress.country,
                ReviewRules.highestDiscountPercent(
                        offer.lines.stream().map(line -> line.discountPercent).toList(),
                        offer.linesNetTotal,
                        offer.discountAmount));
    }

    /** Legal's decision (legal.reviews); an offer no longer in review (or unknown) ignores it, said in the log. */
    @Transactional
    public void reviewDecided(UUID id, boolean approved, String comment, String reviewer, Instant at) {
        Offer offer = Offer.findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (offer == null || offer.status != OfferStatus.IN_REVIEW) {
            org.jboss.logging.Logger.getLogger(Offers.class)
                    .infof(
                            "review decision for offer %s ignored: it is %s",
                            id, offer == null ? "unknown" : offer.status);
            return;
        }
        offer.reviewDecided(approved);
        OfferReviewEntry.of(
                        offer.id,
                        approved ? OfferReviewEntry.Kind.APPROVED : OfferReviewEntry.Kind.REJECTED,
                        null,
                        comment,
                        reviewer,
                        at)
                .persist();
    }

    /** After legal's decision sales changes the offer: back to DRAFT, where it is changed and sent (reviewed) again. */
    @Transactional
    public Offer returnToDraft(UUID id, String caller) {
        Offer offer = locked(id);
        offer.returnToDraft();
        OfferReviewEntry.of(offer.id, OfferReviewEntry.Kind.RETURNED_TO_DRAFT, null, null, caller, Instant.now(clock))
                .persist();
        return offer;
    }

    /** Every mail sent for the offer. */
    public List<MailDelivery> deliveries(UUID id) {
        return mail.deliveries(OFFER_DOCUMENT, id.toString());
    }

    /** Publishes the offer with the customer as sales knows them now, so accounting can bill without asking back. */
    @Transactional
    public Offer accept(UUID id, Collection<Integer> chosenOptions, String acceptedBy, String recordedBy) {
        Offer offer = locked(id);
        offer.accept(Instant.now(clock), calendar.today(), chosenOptions);
        offer.acceptedBy = acceptedBy;
        offer.acceptanceRecordedBy = recordedBy;
        Customer customer = Customer.findById(offer.customerId);
        outbox.publish(offer.accepted(offer.billedTo(customer)));
        followUps.afterAcceptance(offer.customerId, offer.id, offer.offerNumber, calendar.today());
        return offer;
    }

    @Transactional
    public Offer reject(UUID id, String reason) {
        Offer offer = locked(id);
        offer.reject(Instant.now(clock), reason);
        outbox.publish(offer.rejected());
        return offer;
    }

    /**
     * The offer as it stands today: one past its validity expires on this read if the daily run has not got to it yet.
     */
    @Transactional
    public Offer get(UUID id) {
        Offer offer = Offer.<Offer>findByIdOptional(id).orElseThrow(() -> new NotFoundProblem("offer", id));
        LocalDate today = calendar.today();
        if (offer.isDueToExpire(today)) {
            // Re-read under the row lock: a concurrent read or the daily run may have expired it a moment ago.
            Offer.getEntityManager().refresh(offer, LockModeType.PESSIMISTIC_WRITE);
            expireIfDue(offer, today);
        }
        return offer;
    }

    /**
     * Expires every sent offer whose validity has passed; run daily by {@link OfferExpiry} and before a list is read.
     * The rows are locked as they are selected: of two replicas running at once, the second waits and PostgreSQL
     * re-checks the condition against the committed row, so each offer expires, and is published, once.
     */
    @Transactional
    public int expireDue() {
        LocalDate today = calendar.today();
        List<Offer> due = Offer.<Offer>find(
                        "status = ?1 and validUntil < ?2", Sort.by("validUntil"), OfferStatus.SENT, today)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
        int expired = 0;
        for (Offer offer : due) {
            if (expireIfDue(offer, today)) {
                expired++;
            }
        }
        return expired;
    }

    private boolean expireIfDue(Offer offer, LocalDate today) {
        if (!offer.isDueToExpire(today)) {
            return false;
        }
        offer.expire(Instant.now(clock), today);
        outbox.publish(offer.expired());
        return true;
    }

    /**
     * Lists offers as they stand today: overdue ones are expired first, so that {@code status=SENT} never lists a dead
     * offer.
     */
    @Transactional
    public Page<OfferView> search(UUID customerId, OfferStatus status, String createdBy, int page, int size) {
        expireDue();
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (createdBy != null) {
            conditions.add("createdBy = :createdBy");
            parameters.and("createdBy", createdBy);
        }
        if (customerId != null) {
            conditions.add("customerId = :customerId");
            parameters.and("customerId", customerId);
        }
        if (status != null) {
            conditions.add("status = :status");
            parameters.and("status", status);
        }
        Sort newestFirst = Sort.descending("issueDate", "offerNumber");
        var query = conditions.isEmpty()
                ? Offer.<Offer>findAll(newestFirst)
                : Offer.<Offer>find(String.join(" and ", conditions), newestFirst, parameters);
        return Paging.page(query, page, size, OfferView::of);
    }

    /** The offer accounting invoiced, locked; null when the invoice is not about an offer of this service. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Offer invoiced(UUID offerId) {
        return offerId == null
                ? null
                : Offer.<Offer>findByIdOptional(offerId, LockModeType.PESSIMISTIC_WRITE)
                        .orElse(null);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void invoiceIssued(Offer offer, UUID invoiceId, String invoiceNumber) {
        offer.invoiceIssued(invoiceId, invoiceNumber, Instant.now(clock));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void invoicePaid(Offer offer, UUID invoiceId, String invoiceNumber) {
        offer.invoicePaid(invoiceId, invoiceNumber, Instant.now(clock));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void invoiceUnpaid(Offer offer, UUID invoiceId, String invoiceNumber) {
        offer.invoiceUnpaid(invoiceId, invoiceNumber, Instant.now(clock));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void invoiceCancelled(Offer offer, UUID invoiceId, String invoiceNumber) {
        offer.invoiceCancelled(invoiceId, invoiceNumber, Instant.now(clock));
    }

    /**
     * Transitions lock the offer first: two concurrent "accept"s then see each other's result, and the second is a 409
     * instead of a second OfferAccepted (which would bill the customer twice).
     */
    private Offer locked(UUID id) {
        return Offer.<Offer>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new NotFoundProblem("offer", id));
    }

    /** A line to price, with the request field it came from for error messages. */
    private record Wanted(
            String field,
            String sku,
            BigDecimal quantity,
            BigDecimal unitPrice,
            BigDecimal discountPercent,
            boolean optional,
            String line,
            TaxTreatment taxTreatment,
            String taxReason,
            boolean customerRequirement,
            OfferLineKind kind,
            String description,
            String unit,
            BigDecimal vatRate,
            SupplyKind supplyKind) {}

    private static InvalidFieldProblem nothingToOffer() {
        return new InvalidFieldProblem("lines", "an offer needs lines, a templateId, or both");
    }

    private static List<Wanted> wanted(OfferRequest request, OfferTemplate template) {
        List<Wanted> wanted = new ArrayList<>();
        if (template != null) {
            for (int i = 0; i < template.lines.size(); i++) {
                OfferTemplateLine line = template.lines.get(i);
                wanted.add(new Wanted(
                        "templateId",
                        line.sku,
                        line.quantity,
                        null,
                        null,
                        line.optional,
                        "templateId",
                        null,
                        null,
                        false,
                        OfferLineKind.PRODUCT,
                        null,
                        null,
                        null,
                        null));
            }
        }
        List<OfferRequest.Line> lines = request.lines() == null ? List.of() : request.lines();
        for (int i = 0; i < lines.size(); i++) {
            OfferRequest.Line line = lines.get(i);
            OfferLineKind kind =
                    line.kind() != null ? line.kind() : line.sku() != null ? OfferLineKind.PRODUCT : OfferLineKind.FREE;
            wanted.add(new Wanted(
                    "lines[" + i + "].sku",
                    line.sku() == null ? null : line.sku().strip(),
                    line.quantity(),
                    line.unitPrice(),
                    line.discountPercent(),
                    line.optional(),
                    "lines[" + i + "]",
                    line.taxTreatment(),
                    line.taxReason() == null || line.taxReason().isBlank()
                            ? null
                            : line.taxReason().strip(),
                    line.customerRequirement(),
                    kind,
                    line.description() == null || line.description().isBlank()
                            ? null
                            : line.description().strip(),
                    line.unit() == null || line.unit().isBlank()
                            ? null
                            : line.unit().strip(),
                    line.vatRate(),
                    line.supplyKind()));
        }
        if (wanted.isEmpty()) {
            throw nothingToOffer();
        }
        if (wanted.size() > MAX_LINES) {
            throw new InvalidFieldProblem(
                    "lines", "an offer has at most " + MAX_LINES + " lines, template lines included");
        }
        return wanted;
    }

    private List<OfferLineItem> priced(List<Wanted> wanted, Customer customer) {
        List<String> skus = wanted.stream()
                .filter(line -> line.kind() == OfferLineKind.PRODUCT && line.sku() != null)
                .map(Wanted::sku)
                .distinct()
                .toList();
        Map<String, Product> catalogue = Product.<Product>list("sku in ?1", skus).stream()
                .collect(Collectors.toMap(product -> product.sku, Function.identity()));
        List<OfferLineItem> lines = new ArrayList<>();
        for (Wanted line : wanted) {
            OfferLineItem item = switch (line.kind()) {
                case PRODUCT -> product(line, catalogue, customer);
                case FREE -> free(line, customer);
                case TEXT -> text(line);
            };
            lines.add(item);
        }
        if (lines.stream().allMatch(OfferLineItem::isText)) {
            throw new InvalidFieldProblem("lines", "an offer needs at least one line that is not a text line");
        }
        refuseMixedOutOfScope(lines.stream().filter(line -> !line.isText()).toList());
        return lines;
    }

    private OfferLineItem product(Wanted line, Map<String, Product> catalogue, Customer customer) {
        if (line.sku() == null || line.sku().isEmpty()) {
            throw new InvalidFieldProblem(line.field(), "a PRODUCT line names the SKU of a catalogue item");
        }
        refuse(line.description(), line.line() + ".description", "a PRODUCT line is described by its product");
        refuse(line.vatRate(), line.line() + ".vatRate", "a PRODUCT line has its product's VAT rate");
        refuse(line.supplyKind(), line.line() + ".supplyKind", "a PRODUCT line has its product's kind");
        refuse(line.unit(), line.line() + ".unit", "a PRODUCT line has its product's unit");
        Product product = catalogue.get(line.sku());
        if (product == null) {
            throw new InvalidFieldProblem(line.field(), "no product has the SKU " + line.sku());
        }
        if (!product.active) {
            throw new InvalidFieldProblem(line.field(), "product " + line.sku() + " is no longer sold");
        }
        if (line.quantity() == null) {
            throw new InvalidFieldProblem(line.line() + ".quantity", "a PRODUCT line needs a quantity");
        }
        OfferLineItem item = new OfferLineItem();
        item.kind = OfferLineKind.PRODUCT;
        item.sku = product.sku;
        item.description = product.name;
        item.unit = product.unit;
        priceItem(
                item,
                line,
                line.unitPrice() != null ? line.unitPrice() : product.unitPrice,
                product.vatRate,
                product.kind,
                customer);
        return item;
    }

    /** A line staff wrote for this offer: no catalogue item, so its text, price and VAT rate are theirs to give. */
    private OfferLineItem free(Wanted line, Customer customer) {
        refuse(line.sku(), line.line() + ".sku", "a FREE line has no SKU; leave it out or make it a PRODUCT line");
        String prefix = line.line() + ".";
        if (line.description() == null) {
            throw new InvalidFieldProblem(prefix + "description", "a FREE line says what is offered");
        }
        if (line.quantity() == null) {
            throw new InvalidFieldProblem(prefix + "quantity", "a FREE line needs a quantity");
        }
        if (line.unitPrice() == null) {
            throw new InvalidFieldProblem(prefix + "unitPrice", "a FREE line needs its net unit price");
        }
        if (line.vatRate() == null) {
            throw new InvalidFieldProblem(prefix + "vatRate", "a FREE line needs its VAT rate (19, 7 or 0)");
        }
        OfferLineItem item = new OfferLineItem();
        item.kind = OfferLineKind.FREE;
        item.sku = null;
        item.description = line.description();
        item.unit = line.unit() == null ? "pc" : line.unit();
        priceItem(
                item,
                line,
                line.unitPrice(),
                line.vatRate().intValueExact(),
                line.supplyKind() == null ? SupplyKind.SERVICE : line.supplyKind(),
                customer);
        return item;
    }

    /** A heading or note: its text only; the amounts are stored as zero and count nowhere. */
    private static OfferLineItem text(Wanted line) {
        String prefix = line.line() + ".";
        if (line.description() == null) {
            throw new InvalidFieldProblem(prefix + "description", "a TEXT line is its description");
        }
        refuse(line.sku(), prefix + "sku", "a TEXT line has no SKU");
        refuse(line.quantity(), prefix + "quantity", "a TEXT line has no quantity");
        refuse(line.unit(), prefix + "unit", "a TEXT line has no unit");
        refuse(line.unitPrice(), prefix + "unitPrice", "a TEXT line carries no amount");
        refuse(line.discountPercent(), prefix + "discountPercent", "a TEXT line carries no amount");
        refuse(line.vatRate(), prefix + "vatRate", "a TEXT line carries no amount");
        refuse(line.taxTreatment(), prefix + "taxTreatment", "a TEXT line carries no amount");
        refuse(line.supplyKind(), prefix + "supplyKind", "a TEXT line carries no amount");
        if (line.optional()) {
            throw new InvalidFieldProblem(prefix + "optional", "a TEXT line cannot be chosen");
        }
        if (line.customerRequirement()) {
            throw new InvalidFieldProblem(prefix + "customerRequirement", "a TEXT line is no requirement");
        }
        OfferLineItem item = new OfferLineItem();
        item.kind = OfferLineKind.TEXT;
        item.description = line.description();
        item.quantity = BigDecimal.ZERO.setScale(3);
        item.unit = "";
        item.unitPrice = BigDecimal.ZERO.setScale(2);
        item.discountPercent = BigDecimal.ZERO.setScale(2);
        item.vatRate = 0;
        item.netAmount = BigDecimal.ZERO.setScale(2);
        item.taxTreatment = TaxTreatment.DOMESTIC;
        return item;
    }

    private void priceItem(
            OfferLineItem item,
            Wanted line,
            BigDecimal unitPrice,
            int vatRate,
            SupplyKind supplyKind,
            Customer customer) {
        item.quantity = line.quantity().setScale(3);
        item.unitPrice = unitPrice.setScale(2);
        item.discountPercent = (line.discountPercent() != null ? line.discountPercent() : BigDecimal.ZERO).setScale(2);
        TaxTreatment treatment = taxTreatment(line, supplyKind, customer);
        item.taxTreatment = treatment;
        item.taxReason = line.taxReason();
        // Outside Germany's VAT the German rate of the product is not charged (§14c UStG if it were shown).
        item.vatRate = treatment.chargesGermanVat() ? vatRate : 0;
        item.netAmount = OfferTotals.lineNet(item.quantity, item.unitPrice, item.discountPercent);
        item.optional = line.optional();
        item.customerRequirement = line.customerRequirement();
    }

    private static void refuse(Object value, String field, String why) {
        if (value != null) {
            throw new InvalidFieldProblem(field, why);
        }
    }

    /**
     * The line's treatment: derived from the customer and the product unless the request sets one, with a reason. A set
     * treatment must be possible for this customer; the VAT id rules are those of §14a UStG.
     */
    private TaxTreatment taxTreatment(Wanted line, SupplyKind supplyKind, Customer customer) {
        boolean smallBusiness = config.tax().smallBusiness();
        TaxTreatment derived = TaxTreatment.derive(
                customer.type, customer.billingAddress.country, customer.vatId, supplyKind, smallBusiness);
        TaxTreatment wanted = line.taxTreatment();
        String field = line.line() + ".taxTreatment";
        if (wanted == null) {
            return derived;
        }
        if (line.taxReason() == null) {
            throw new InvalidFieldProblem(
                    line.line() + ".taxReason",
                    wanted == TaxTreatment.EXEMPT
                            ? "an exempt line names its exemption, e.g. \"Heilbehandlung, §4 Nr. 14 UStG\""
                            : "a tax treatment set by hand needs the reason for it");
        }
        if (smallBusiness != (wanted == TaxTreatment.SMALL_BUSINESS_19)) {
            throw new InvalidFieldProblem(
                    field,
                    smallBusiness
                            ? "the company is a small business (§19 UStG): its lines show no VAT"
                            : "§19 UStG is a company-wide setting, not one of a line");
        }
        if (wanted.needsBuyerVatId() && customer.vatId == null) {
            throw new InvalidFieldProblem(
                    field, wanted + " needs the customer's VAT id on the invoice (§14a UStG); the customer has none");
        }
        String country = customer.billingAddress.country;
        boolean otherMemberState = TaxTreatment.EU_MEMBER_STATES.contains(country) && !"DE".equals(country);
        if ((wanted == TaxTreatment.INTRA_EU_SUPPLY || wanted == TaxTreatment.EU_B2B_SERVICE) && !otherMemberState) {
            throw new InvalidFieldProblem(
                    field, wanted + " is for customers in another EU member state; this one bills in " + country);
        }
        return wanted;
    }

    /**
     * EN 16931 BR-O-11: an invoice with a line not subject to German VAT (category O) has no other VAT category, so an
     * offer that would be billed as one invoice cannot mix them.
     */
    private static void refuseMixedOutOfScope(List<OfferLineItem> lines) {
        long outOfScope = lines.stream()
                .filter(l -> l.taxTreatment == TaxTreatment.NOT_TAXABLE_IN_DE)
                .count();
        if (outOfScope > 0 && outOfScope < lines.size()) {
            throw new InvalidFieldProblem(
                    "lines",
                    "services not taxable in Germany cannot share an invoice with other lines (EN 16931 BR-O-11);"
                            + " make a separate offer for them");
        }
    }

    /** Today in the seller's calendar: an offer made at 00:30 in Berlin on 1 January belongs to the new year. */
}
