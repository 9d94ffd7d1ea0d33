package io.kontor.platform.testapp;

import io.kontor.platform.outbox.Outbox;
import io.kontor.platform.problem.ConflictProblem;
import io.kontor.platform.problem.NotFoundProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;

@ApplicationScoped
public class Notes {

    @Inject
    Outbox outbox;

    @Transactional
    public Note write(String title) {
        Note note = new Note();
        note.id = UUID.randomUUID();
        note.title = title;
        note.status = "OPEN";
        note.persist();
        outbox.publish(new NoteWritten(note.id, 1, title));
        return note;
    }

    /** Publishes the next event of an existing note, for order checks. */
    @Transactional
    public void rewrite(UUID id, int sequence) {
        Note note = Note.findById(id);
        note.title = "revision " + sequence;
        outbox.publish(new NoteWritten(id, sequence, note.title));
    }

    @Transactional
    public Note close(UUID id) {
        Note note = Note.findById(id);
        if (note == null) {
            throw new NotFoundProblem("note", id);
        }
        if (!"OPEN".equals(note.status)) {
            throw new ConflictProblem("note " + id + " is already " + note.status);
        }
        note.status = "CLOSED";
        return note;
    }
}
