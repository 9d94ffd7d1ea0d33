package io.kontor.platform.testapp;

import io.kontor.platform.events.IncomingEvent;
import io.kontor.platform.inbox.InboxHandled;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** The consumer side of the test application: records every applied event so tests can count effects. */
@ApplicationScoped
public class NoteWrittenHandler {

    @Inject
    AppliedNotes applied;

    /** Notes whose "fail until fixed" has been fixed: a missing precondition that an operator supplies later. */
    private final Set<UUID> fixed = ConcurrentHashMap.newKeySet();

    public void fix(UUID noteId) {
        fixed.add(noteId);
    }

    @Incoming("test-notes")
    @Blocking
    @InboxHandled
    void on(IncomingEvent event) {
        if (!event.is(NoteWritten.class)) {
            return;
        }
        NoteWritten written = event.data(NoteWritten.class);
        if (written.title().startsWith("fail until fixed") && fixed.contains(written.noteId())) {
            // applied below like any note
        } else if (written.title().startsWith("fail")) {
            throw new IllegalStateException("told to fail: " + written.title());
        }
        applied.record(written, event.id());
    }
}
