package io.kontor.platform.testapp;

import io.kontor.platform.events.IncomingEvent;
import io.kontor.platform.inbox.InboxHandled;
import io.quarkus.arc.Unremovable;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** A handler fed by the batch channel (BatchChannel) over two topics; it counts its calls per event. */
@ApplicationScoped
@Unremovable
public class BatchNoteHandler {

    /** What each call takes at least: InboxBatchCutTest gives the handler a cost for the poll's cut to measure. */
    public static final String HANDLER_TIME = "platform-test.batch-note-handler-time";

    @Inject
    AppliedNotes applied;

    @ConfigProperty(name = HANDLER_TIME, defaultValue = "0s")
    Duration handlerTime;

    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    public int calls(String eventId) {
        AtomicInteger count = calls.get(eventId);
        return count == null ? 0 : count.get();
    }

    @InboxHandled(topics = {"test.batch-a", "test.batch-b"})
    public void on(IncomingEvent event) throws InterruptedException {
        calls.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
        if (!handlerTime.isZero()) {
            Thread.sleep(handlerTime.toMillis());
        }
        if (!event.is(NoteWritten.class)) {
            return; // a type this handler has no route for is skipped, as EventRoutes does
        }
        NoteWritten written = event.data(NoteWritten.class);
        applied.record(written, event.id());
        if (written.title().startsWith("breaks at commit")) {
            // A note that does not exist: the deferred foreign key fails the commit, not this statement.
            Panache.getEntityManager()
                    .createNativeQuery("insert into note_checked (note_id) values (?1)")
                    .setParameter(1, UUID.randomUUID())
                    .executeUpdate();
        }
        if (written.title().startsWith("fail")) {
            // After its write, so that isolating the record must also undo what it wrote.
            throw new IllegalStateException("told to fail: " + written.title());
        }
    }
}
