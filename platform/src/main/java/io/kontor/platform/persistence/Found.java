package io.kontor.platform.persistence;

import io.kontor.platform.problem.NotFoundProblem;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The one way a service turns "not there" into a 404 ({@link NotFoundProblem}, "&lt;what&gt; &lt;id&gt; does not
 * exist"): {@code Invoice invoice = Found.byId(Invoice.class, id, "invoice");}, locked for a change with
 * {@link #lockedById}, a child of another parent with {@code belongs}, what a query found with {@link #or404}.
 */
public final class Found {

    private Found() {}

    /** The entity with this id, or 404. */
    public static <E> E byId(Class<E> type, Object id, String what) {
        return or404(Panache.getEntityManager(type).find(type, id), what, id);
    }

    /**
     * The entity with this id, or 404, if it {@code belongs} (to the parent in the path): another parent's child is not
     * found either, so that an id is not reachable through a path it is not part of.
     */
    public static <E> E byId(Class<E> type, Object id, String what, Predicate<E> belongs) {
        E entity = Panache.getEntityManager(type).find(type, id);
        return or404(entity != null && belongs.test(entity) ? entity : null, what, id);
    }

    /**
     * The entity with this id locked for update ({@code SELECT … FOR UPDATE}), or 404: two concurrent changes of one
     * row then see each other's result instead of both acting on what they read.
     */
    public static <E> E lockedById(Class<E> type, Object id, String what) {
        return or404(Panache.getEntityManager(type).find(type, id, LockModeType.PESSIMISTIC_WRITE), what, id);
    }

    /** {@code entity}, or 404 when it is null. */
    public static <E> E or404(E entity, String what, Object id) {
        if (entity == null) {
            throw new NotFoundProblem(what, id);
        }
        return entity;
    }

    /** What a query found, or 404 when it found nothing. */
    public static <E> E or404(Optional<E> entity, String what, Object id) {
        return or404(entity.orElse(null), what, id);
    }
}
