package io.kontor.platform.inbox;

import static io.kontor.platform.testapp.RawNotes.deadLettersOf;
import static io.kontor.platform.testapp.RawNotes.headers;
import static io.kontor.platform.testapp.RawNotes.noteJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kontor.platform.events.CloudEventHeaders;
import io.kontor.platform.testapp.AppliedNotes;
import io.kontor.testing.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class InboxTest {

    private static final String TOPIC = "test.notes";

    @Inject
    AppliedNotes applied;

    @Test
    void a_redelivered_event_changes_state_once() {
        UUID noteId = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        TestKafka.send(TOPIC, noteId.toString(), noteJson(noteId, 1, "twice"), headers(eventId));
        TestKafka.send(TOPIC, noteId.toString(), noteJson(noteId, 1, "twice"), headers(eventId));
        String laterEventId = UUID.randomUUID().toString();
        TestKafka.send(TOPIC, noteId.toString(), noteJson(noteId, 2, "later"), headers(laterEventId));

        // Same key, same partition: once the later event is applied, both copies of the first have been consumed.
        await().atMost(Duration.ofSeconds(30)).until(() -> applied.timesApplied(laterEventId) == 1);
        assertThat(applied.timesApplied(eventId)).isEqualTo(1);
        assertThat(applied.sequencesOf(noteId)).containsExactly(1, 2);
    }

    @Test
    void poison_records_land_on_the_dead_letter_topic_and_the_next_good_record_is_still_applied() {
        UUID noteId = UUID.randomUUID();
        String notACloudEvent = "no-headers-" + UUID.randomUUID();
        TestKafka.send(TOPIC, noteId.toString(), notACloudEvent, Map.of());
        String brokenJsonId = UUID.randomUUID().toString();
        TestKafka.send(TOPIC, noteId.toString(), "{\"noteId\": not json", headers(brokenJsonId));
        String failingId = UUID.randomUUID().toString();
        TestKafka.send(TOPIC, noteId.toString(), noteJson(noteId, 1, "fail always"), headers(failingId));
        String goodId = UUID.randomUUID().toString();
        TestKafka.send(TOPIC, noteId.toString(), noteJson(noteId, 2, "good"), headers(goodId));

        await().atMost(Duration.ofSeconds(30)).until(() -> applied.timesApplied(goodId) == 1);
        List<ConsumerRecord<String, String>> deadLetters = await().atMost(Duration.ofSeconds(30))
                .until(() -> deadLettersOf(noteId), letters -> letters.size() >= 3);

        assertThat(deadLetters).hasSize(3);
        assertThat(deadLetters)
                .extracting(ConsumerRecord::value)
                .containsExactly(notACloudEvent, "{\"noteId\": not json", noteJson(noteId, 1, "fail always"));
        assertThat(deadLetters).allSatisfy(letter -> {
            assertThat(TestKafka.header(letter, CloudEventHeaders.DLQ_CONSUMER))
                    .isEqualTo("platform-test/NoteWrittenHandler.on");
            assertThat(TestKafka.header(letter, CloudEventHeaders.DLQ_ERROR)).isNotBlank();
        });
        assertThat(TestKafka.header(deadLetters.get(0), CloudEventHeaders.DLQ_ERROR))
                .contains("not a CloudEvents 1.0 record");
        assertThat(TestKafka.header(deadLetters.get(2), CloudEventHeaders.DLQ_ERROR))
                .contains("told to fail");
        assertThat(TestKafka.header(deadLetters.get(2), CloudEventHeaders.ID)).isEqualTo(failingId);
        assertThat(applied.timesApplied(failingId)).isZero();
        assertThat(applied.sequencesOf(noteId)).containsExactly(2);
    }
}
