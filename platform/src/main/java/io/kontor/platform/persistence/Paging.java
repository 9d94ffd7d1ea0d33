package io.kontor.platform.persistence;

import io.kontor.platform.web.Page;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import java.util.List;
import java.util.function.Function;

/**
 * Lists answer one page at a time ({@code ?page=0&size=50}, at most {@value #MAX_SIZE} per page; API.md): no list of a
 * service grows with its data into one answer (OWASP API4, issue #24). A resource declares
 * {@code @QueryParam("page") @DefaultValue("0") @Min(0) int page} and
 * {@code @QueryParam("size") @DefaultValue(Paging.DEFAULT_SIZE) @Min(1) @Max(Paging.MAX_SIZE) int size}.
 */
public final class Paging {

    public static final String DEFAULT_SIZE = "50";
    public static final int MAX_SIZE = 200;

    private Paging() {}

    /** One page of a query, counted in the database. */
    public static <E, V> Page<V> page(PanacheQuery<E> query, int page, int size, Function<E, V> view) {
        return new Page<>(query.page(page, size).list().stream().map(view).toList(), page, size, query.count());
    }

    /** One page of a list already in memory: what is filtered or ordered by Java (a rule, a computed score). */
    public static <T> Page<T> page(List<T> all, int page, int size) {
        int from = (int) Math.min((long) page * size, all.size());
        int to = (int) Math.min((long) from + size, all.size());
        return new Page<>(List.copyOf(all.subList(from, to)), page, size, all.size());
    }
}
