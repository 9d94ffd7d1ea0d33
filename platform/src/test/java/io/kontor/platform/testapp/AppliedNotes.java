package io.kontor.platform.testapp;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/** Reads what the consumer side applied, for the tests' assertions. */
@ApplicationScoped
public class AppliedNotes {

    @Transactional
    public List<Integer> sequencesOf(UUID noteId) {
        @SuppressWarnings("unchecked")
        List<Number> sequences = Panache.getEntityManager()
                .createNativeQuery("select sequence from note_applied where note_id = ?1 order by id")
                .setParameter(1, noteId)
                .getResultList();
        return sequences.stream().map(Number::intValue).toList();
    }

    /** The transaction (txid) that applied each of the note's events, in the order they were applied. */
    @Transactional
    public List<Long> transactionsOf(UUID noteId) {
        @SuppressWarnings("unchecked")
        List<Number> txids = Panache.getEntityManager()
                .createNativeQuery("select txid from note_applied where note_id = ?1 order by id")
                .setParameter(1, noteId)
                .getResultList();
        return txids.stream().map(Number::longValue).toList();
    }

    @Transactional
    public long timesApplied(String eventId) {
        return ((Number) Panache.getEntityManager()
                        .createNativeQuery("select count(*) from note_applied where event_id = ?1")
                        .setParameter(1, eventId)
                        .getSingleResult())
                .longValue();
    }
}
