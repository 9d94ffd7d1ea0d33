package io.kontor.platform.testapp;

import io.kontor.platform.events.CloudEventHeaders;
import io.kontor.platform.events.EventType;
import io.kontor.testing.TestKafka;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

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

    /** The note's records on the test application's dead-letter topic (kontor.inbox.dead-letter-topic). */
    public static List<ConsumerRecord<String, String>> deadLettersOf(UUID noteId) {
        return TestKafka.readAll("platform-test.dlq", Duration.ofMillis(300)).stream()
                .filter(r -> noteId.toString().equals(r.key()))
                .toList();
    }
}
