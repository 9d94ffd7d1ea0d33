package io.kontor.sales.offer;

import io.kontor.platform.outbox.Outbox;
import io.kontor.platform.problem.ConflictProblem;
import io.kontor.platform.problem.InvalidFieldProblem;
import io.kontor.platform.problem.NotFoundProblem;
import io.kontor.platform.web.Page;
import io.kontor.sales.Paging;
import io.kontor.sales.SalesConfig;
import io.kontor.sales.customer.Customer;
import io.kontor.sales.product.Product;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Making offers and moving them through their life; sent, accepted and rejected offers are published on {@code sales.offers}. */
@ApplicationScoped
public class Offers {

    private static final int FIRST_REVISION = 1;

    @Inject
    Outbox outbox;
    @Inject
    OfferNumbers numbers;
    @Inject
    Clock clock;
    @Inject
    SalesConfig config;

    @Transactional
    public Offer create(OfferRequest request) {
        Customer customer = Customer.<Customer>findByIdOptional(request.customerId())
                .orElseThrow(() -> new InvalidFieldProblem("customerId", "no customer has this id"));
        if (customer.creditHold) {
            throw new ConflictProblem("customer " + customer.customerNumber + " is on credit hold: no new offers until accounting lifts it");
        }
        LocalDate today = today();
        Offer offer = new Offer();
        offer.id = UUID.randomUUID();
        offer.revision = FIRST_REVISION;
        offer.customerId = customer.id;
        offer.status = OfferStatus.DRAFT;
        offer.billing = request.billing();
        offer.currency = Offer.CURRENCY;
        offer.issueDate = today;
        offer.validUntil = today.plusDays(config.offers().validityDays());
        offer.createdAt = Instant.now(clock);
        offer.price(priced(request.lines()));
        offer.offerNumber = numbers.next(today.getYear());
        offer.persist();
        return offer;
    }

    @Transactional
    public Offer send(UUID id) {
        Offer offer = locked(id);
        offer.send(Instant.now(clock), today());
        outbox.publish(offer.sent());
        return offer;
    }

    /** Publishes the offer with the customer as sales knows them now, so accounting can bill without asking back. */
    @Transactional
    public Offer accept(UUID id) {
        Offer offer = locked(id);
        offer.accept(Instant.now(clock), today());
        Customer customer = Customer.findById(offer.customerId);
        outbox.publish(offer.accepted(customer.snapshot()));
        return offer;
    }

    @Transactional
    public Offer reject(UUID id, String reason) {
        Offer offer = locked(id);
        offer.reject(Instant.now(clock), reason);
        outbox.publish(offer.rejected());
        return offer;
    }

    public Offer get(UUID id) {
        return Offer.<Offer>findByIdOptional(id).orElseThrow(() -> new NotFoundProblem("offer", id));
    }

    public Page<OfferView> search(UUID customerId, OfferStatus status, int page, int size) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
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

    /**
     * Transitions lock the offer first: two concurrent "accept"s then see each other's result, and the second is a
     * 409 instead of a second OfferAccepted (which would bill the customer twice).
     */
    private Offer locked(UUID id) {
        return Offer.<Offer>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).orElseThrow(() -> new NotFoundProblem("offer", id));
    }

    private List<OfferLineItem> priced(List<OfferRequest.Line> requested) {
        List<String> skus = requested.stream().map(line -> line.sku().strip()).distinct().toList();
        Map<String, Product> catalogue = Product.<Product>list("sku in ?1", skus).stream()
                .collect(Collectors.toMap(product -> product.sku, Function.identity()));
        List<OfferLineItem> lines = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            OfferRequest.Line line = requested.get(i);
            Product product = catalogue.get(line.sku().strip());
            if (product == null) {
                throw new InvalidFieldProblem("lines[" + i + "].sku", "no product has the SKU " + line.sku().strip());
            }
            OfferLineItem item = new OfferLineItem();
            item.sku = product.sku;
            item.description = product.name;
            item.quantity = line.quantity().setScale(3);
            item.unit = product.unit;
            item.unitPrice = (line.unitPrice() != null ? line.unitPrice() : product.unitPrice).setScale(2);
            item.discountPercent = (line.discountPercent() != null ? line.discountPercent() : BigDecimal.ZERO).setScale(2);
            item.vatRate = product.vatRate;
            item.netAmount = OfferTotals.lineNet(item.quantity, item.unitPrice, item.discountPercent);
            lines.add(item);
        }
        return lines;
    }

    /** Today in the seller's calendar: an offer made at 00:30 in Berlin on 1 January belongs to the new year. */
    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), config.timeZone());
    }
}
