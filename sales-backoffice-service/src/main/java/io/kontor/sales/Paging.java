package io.kontor.sales;

import io.kontor.platform.web.Page;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import java.util.function.Function;

/** Lists answer one page at a time ({@code ?page=0&size=50}, API.md). */
public final class Paging {

    public static final String DEFAULT_SIZE = "50";
    public static final int MAX_SIZE = 200;

    private Paging() {}

    public static <E, V> Page<V> page(PanacheQuery<E> query, int page, int size, Function<E, V> view) {
        return new Page<>(query.page(page, size).list().stream().map(view).toList(), page, size, query.count());
    }
}
