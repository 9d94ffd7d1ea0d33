package io.kontor.platform.persistence;

import io.quarkus.panache.common.Parameters;
import java.util.ArrayList;
import java.util.List;

/**
 * The optional filters of a list as one where clause with named parameters: a condition counts only when its value is
 * given (not null, and for text not blank), so a list without filters lists everything.
 *
 * <pre>{@code
 * Filter filter = new Filter().and("status = :status", "status", status).and("customerId = :customerId", "customerId", id);
 * Paging.page(Offer.find(filter.where(), sort, filter.parameters()), page, size, OfferView::of);
 * }</pre>
 */
public final class Filter {

    private final List<String> conditions = new ArrayList<>();
    private final Parameters parameters = new Parameters();

    /** Adds {@code condition}, which names {@code :name}, when {@code value} is given. */
    public Filter and(String condition, String name, Object value) {
        if (value == null || value instanceof String text && text.isBlank()) {
            return this;
        }
        conditions.add(condition);
        parameters.and(name, value);
        return this;
    }

    /** The where clause: the conditions joined by {@code and}, or {@code 1 = 1} without any. */
    public String where() {
        return conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions);
    }

    public Parameters parameters() {
        return parameters;
    }
}
