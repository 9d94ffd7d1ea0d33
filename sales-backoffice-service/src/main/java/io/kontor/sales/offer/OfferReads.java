package io.kontor.sales.offer;

import io.kontor.platform.persistence.Found;
import io.kontor.platform.persistence.Paging;
import io.kontor.platform.web.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reading offers; nothing here writes or publishes (expiring an overdue offer is {@link OfferDecisions}'). */
@ApplicationScoped
public class OfferReads {

    public Offer get(UUID id) {
        return Found.byId(Offer.class, id, "offer");
    }

    /** Newest first; the resource expires overdue offers before, so that {@code status=SENT} never lists a dead one. */
    public Page<OfferView> search(UUID customerId, OfferStatus status, String createdBy, int page, int size) {
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
}
