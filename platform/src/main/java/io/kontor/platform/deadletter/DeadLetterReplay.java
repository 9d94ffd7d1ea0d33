package io.kontor.platform.deadletter;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kontor.platform.deadletter.DeadLetterArchive.DeadLetter;
import io.kontor.platform.events.IncomingEvent;
import io.kontor.platform.inbox.Inbox;
import io.kontor.platform.inbox.InboxHandlers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Applies dead letters once their cause is fixed: each goes back to the handler that parked it, in this process,
 * through that handler's inbox, so an event applied before is skipped and one that fails again is parked again. Nothing
 * is written to the original topic (the service may not write another domain's topic, and other consumers must not see
 * the event twice), and the dead-letter topic is never trimmed: it is the record of what failed.
 */
@ApplicationScoped
public class DeadLetterReplay {

    private static final Logger LOG = Logger.getLogger(DeadLetterReplay.class);

    @Inject
    InboxHandlers handlers;

    @Inject
    Inbox inbox;

    @Inject
    ObjectMapper json;

    /** What became of a replayed dead letter. */
    public enum Outcome {
        /** The handler applied it now. */
        APPLIED,
        /** The handler had applied it before (an earlier replay): nothing done. */
        ALREADY_APPLIED,
        /** It failed again and is parked again, with the new error. */
        PARKED_AGAIN,
        /** No handler of that name in this service any more (renamed or removed): left parked. */
        NO_HANDLER
    }

    public record Replayed(DeadLetter letter, Outcome outcome) {}

    /** Replays {@code letters} in the order they were parked; an event parked more than once is replayed once. */
    public List<Replayed> replay(List<DeadLetter> letters) {
        Map<String, DeadLetter> distinct = new LinkedHashMap<>();
        letters.forEach(letter -> distinct.putIfAbsent(letter.consumer() + " " + letter.identity(), letter));
        List<Replayed> replayed = new ArrayList<>();
        for (DeadLetter letter : distinct.values()) {
            Outcome outcome = replay(letter);
            LOG.infof(
                    "dead letter %s of %s (parked by %s: %s) replayed: %s",
                    letter.eventId(), letter.topic(), letter.consumer(), letter.error(), outcome);
            replayed.add(new Replayed(letter, outcome));
        }
        return replayed;
    }

    private Outcome replay(DeadLetter letter) {
        String consumer = letter.consumer();
        if (consumer == null || !handlers.exists(consumer)) {
            return Outcome.NO_HANDLER;
        }
        String eventId = letter.eventId();
        if (eventId != null && inbox.applied(consumer, eventId)) {
            return Outcome.ALREADY_APPLIED;
        }
        handlers.deliver(
                consumer,
                new IncomingEvent(
                        letter.topic(),
                        letter.originalPartition(),
                        letter.originalOffset(),
                        letter.key(),
                        Map.copyOf(letter.originalHeaders()),
                        letter.payload(),
                        json));
        return eventId != null && inbox.applied(consumer, eventId) ? Outcome.APPLIED : Outcome.PARKED_AGAIN;
    }
}
