package io.kontor.platform.testapp;

import io.kontor.platform.events.DomainEvent;
import io.kontor.platform.events.EventType;
import java.util.UUID;

@EventType(value = "kontor.test.note-written.v1", topic = "test.notes")
public record NoteWritten(UUID noteId, int sequence, String title) implements DomainEvent {

    @Override
    public String aggregateId() {
        return noteId.toString();
    }
}
