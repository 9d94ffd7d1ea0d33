package io.kontor.platform.deadletter;

import io.kontor.platform.deadletter.DeadLetterArchive.DeadLetter;
import io.kontor.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Sends dead letters back to their original topic once their cause is fixed: the original key, value and headers (same
 * {@code ce_id}), without the {@code kontor_*} headers the dead-letter queue added. Every consumer of the topic sees
 * the event again; those that applied it before skip it in their inbox, the one that parked it applies it now — once,
 * however often it is replayed. Through the outbox, so a replay is as durable as any event.
 */
@ApplicationScoped
public class DeadLetterReplay {

    private static final Logger LOG = Logger.getLogger(DeadLetterReplay.class);

    @Inject
    Outbox outbox;

    /** Replays {@code letters}; an event parked more than once (it failed again after a replay) goes out once. */
    @Transactional
    public List<DeadLetter> replay(List<DeadLetter> letters) {
        Map<String, DeadLetter> distinct = new LinkedHashMap<>();
        letters.forEach(letter -> distinct.putIfAbsent(letter.identity(), letter));
        for (DeadLetter letter : distinct.values()) {
            outbox.enqueue(letter.topic(), letter.key(), letter.originalHeaders(), letter.payload());
            LOG.infof(
                    "dead letter %s of %s (parked by %s: %s) replayed to %s",
                    letter.eventId(), letter.topic(), letter.consumer(), letter.error(), letter.topic());
        }
        return List.copyOf(distinct.values());
    }
}
