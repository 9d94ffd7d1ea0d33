package io.kontor.sales.offer;

import io.kontor.platform.persistence.Filter;
import io.kontor.platform.persistence.Found;
import io.kontor.platform.persistence.Paging;
import io.kontor.platform.web.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Reading offers; nothing here writes or publishes (expiring an overdue offer is {@link OfferDecisions}'). */
@ApplicationScoped
public class OfferReads {

    public Offer get(UUID id) {
        return Found.byId(Offer.class, id, "offer");
    }

    /** Newest first; the resource expires overdue offers before, so that {@code status=SENT} never lists a dead one. */
    public Page<OfferView> search(UUID customerId, OfferStatus status, String createdBy, int page, int size) {
        Filter filter = new Filter()
                .and("createdBy = :createdBy", "createdBy", createdBy)
                .and("customerId = :customerId", "customerId", customerId)
                .and("status = :status", "status", status);
        Sort newestFirst = Sort.descending("issueDate", "offerNumber");
        return Paging.page(
                Offer.<Offer>find(filter.where(), newestFirst, filter.parameters()), page, size, OfferView::of);
    }
}
