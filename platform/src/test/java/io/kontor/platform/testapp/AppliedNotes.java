package io.kontor.platform.testapp;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/** What the consumer side applied: its handlers write it here, the tests' assertions read it. */
@ApplicationScoped
public class AppliedNotes {

    /**
     * Records the applied event, in the handler's transaction (the inbox's), so that it commits or rolls back with it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(NoteWritten written, String eventId) {
        Panache.getEntityManager()
                .createNativeQuery("insert into note_applied (note_id, sequence, event_id) values (?1, ?2, ?3)")
                .setParameter(1, written.noteId())
                .setParameter(2, written.sequence())
                .setParameter(3, eventId)
                .executeUpdate();
    }

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

    /** {@code eventIds} in the order of their inbox rows' processed_at for {@code consumer} (ties: none may be). */
    @Transactional
    public List<String> inboxOrder(String consumer, List<String> eventIds) {
        @SuppressWarnings("unchecked")
        List<String> ordered = Panache.getEntityManager()
                .createNativeQuery("select event_id from inbox where consumer = ?1 and event_id in (?2)"
                        + " order by processed_at")
                .setParameter(1, consumer)
                .setParameter(2, eventIds)
                .getResultList();
        long distinct = ((Number) Panache.getEntityManager()
                        .createNativeQuery("select count(distinct processed_at) from inbox where consumer = ?1"
                                + " and event_id in (?2)")
                        .setParameter(1, consumer)
                        .setParameter(2, eventIds)
                        .getSingleResult())
                .longValue();
        return distinct == ordered.size() ? ordered : List.of("tied processed_at: " + ordered);
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
