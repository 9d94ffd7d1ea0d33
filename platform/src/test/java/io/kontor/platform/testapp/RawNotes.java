package io.kontor.platform.testapp;

import io.kontor.platform.events.CloudEventHeaders;
import io.kontor.platform.events.EventType;
import java.util.Map;
import java.util.UUID;

/**
 * A note-written event as bytes on the topic, for tests that play the producing side by hand (redeliveries with the
 * same id, poison next to good records): the value and the CloudEvents headers the outbox would have written.
 */
public final class RawNotes {

    private RawNotes() {}

    public static String noteJson(UUID noteId, int sequence, String title) {
        return "{\"noteId\":\"" + noteId + "\",\"sequence\":" + sequence + ",\"title\":\"" + title + "\"}";
    }

    public static Map<String, String> headers(String eventId) {
        return Map.of(
                CloudEventHeaders.SPEC_VERSION, "1.0",
                CloudEventHeaders.ID, eventId,
                CloudEventHeaders.TYPE,
                        NoteWritten.class.getAnnotation(EventType.class).value(),
                CloudEventHeaders.SOURCE, "/kontor/test",
                CloudEventHeaders.CONTENT_TYPE, "application/json");
    }
}
