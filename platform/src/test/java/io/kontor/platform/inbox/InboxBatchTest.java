package io.kontor.platform.inbox;

import static io.kontor.platform.testapp.RawNotes.headers;
import static io.kontor.platform.testapp.RawNotes.noteJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kontor.platform.events.CloudEventHeaders;
import io.kontor.platform.testapp.AppliedNotes;
import io.kontor.platform.testapp.BatchNoteHandler;
import io.kontor.testing.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The batch channel (InboxBatches): one consumer over two topics applies a poll in one transaction, skips what it
 * applied before, and isolates a failing record with the retries and dead letter of an {@code @Incoming} handler. The
 * consumer is paused while a test writes its records, so that they arrive in one poll.
 */
@QuarkusTest
class InboxBatchTest {

    @Inject
    AppliedNotes applied;

    @Inject
    BatchNoteHandler handler;

    @Inject
    KafkaClientService clients;

    @Inject
    InboxConfig config;

    @AfterEach
    void resume() {
        consumer().resume().await().atMost(Duration.ofSeconds(10));
    }

    @Test
    void a_poll_is_applied_in_one_transaction_in_order_and_a_repeated_event_once() {
        UUID noteId = UUID.randomUUID();
        String appliedBefore = UUID.randomUUID().toString();
        TestKafka.send("test.batch-a", noteId.toString(), noteJson(noteId, 0, "before"), headers(appliedBefore));
        await().atMost(Duration.ofSeconds(30)).until(() -> applied.timesApplied(appliedBefore) == 1);

        pause();
        List<String> ids = new ArrayList<>();
        TestKafka.send("test.batch-a", noteId.toString(), noteJson(noteId, 0, "before"), headers(appliedBefore));
        for (int sequence = 1; sequence <= 20; sequence++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            TestKafka.send("test.batch-a", noteId.toString(), noteJson(noteId, sequence, "note"), headers(id));
            if (sequence == 5) {
                // redelivered within the same poll
                TestKafka.send("test.batch-a", noteId.toString(), noteJson(noteId, sequence, "note"), headers(id));
            }
        }
        consumer().resume().await().atMost(Duration.ofSeconds(10));

        await().atMost(Duration.ofSeconds(30)).until(() -> applied.timesApplied(ids.get(19)) == 1);
        assertThat(applied.sequencesOf(noteId))
                .containsExactlyElementsOf(IntStream.rangeClosed(0, 20).boxed().toList());
        assertThat(applied.timesApplied(appliedBefore)).isEqualTo(1);
        assertThat(applied.timesApplied(ids.get(4))).isEqualTo(1);
        assertThat(handler.calls(ids.get(4))).isEqualTo(1);
        // Everything after the first event was applied by one and the same transaction.
        List<Long> transactions = applied.transactionsOf(noteId);
        assertThat(new HashSet<>(transactions.subList(1, transactions.size()))).hasSize(1);
        assertThat(transactions.get(0)).isNotEqualTo(transactions.get(1));
    }

    @Test
    void a_failing_record_is_retried_and_parked_alone_and_the_rest_of_its_poll_commits_in_order() {
        UUID noteId = UUID.randomUUID();
        UUID otherNote = UUID.randomUUID();
        pause();
        List<String> ids = new ArrayList<>();
        for (int sequence = 1; sequence <= 10; sequence++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            String title = sequence == 5 ? "fail always" : "note";
            TestKafka.send("test.batch-a", noteId.toString(), noteJson(noteId, sequence, title), headers(id));
            TestKafka.send(
                    "test.batch-b",
                    otherNote.toString(),
                    noteJson(otherNote, sequence, "other"),
                    headers(UUID.randomUUID().toString()));
        }
        consumer().resume().await().atMost(Duration.ofSeconds(10));

        await().atMost(Duration.ofSeconds(30)).until(() -> applied.timesApplied(ids.get(9)) == 1);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> applied.sequencesOf(otherNote).size() == 10);
        String failingId = ids.get(4);
        assertThat(applied.sequencesOf(noteId)).containsExactly(1, 2, 3, 4, 6, 7, 8, 9, 10);
        assertThat(applied.sequencesOf(otherNote))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 10).boxed().toList());
        assertThat(applied.timesApplied(failingId)).isZero();
        // Its failure in the batch is its first attempt; it fails as often as an @Incoming handler's record.
        assertThat(handler.calls(failingId)).isEqualTo(config.maxAttempts());

        List<ConsumerRecord<String, String>> letters =
                await().atMost(Duration.ofSeconds(30)).until(() -> deadLettersOf(noteId), found -> !found.isEmpty());
        assertThat(letters).hasSize(1);
        ConsumerRecord<String, String> letter = letters.get(0);
        assertThat(letter.value()).isEqualTo(noteJson(noteId, 5, "fail always"));
        assertThat(TestKafka.header(letter, CloudEventHeaders.ID)).isEqualTo(failingId);
        assertThat(TestKafka.header(letter, CloudEventHeaders.DLQ_CONSUMER))
                .isEqualTo("platform-test/BatchNoteHandler.on");
        assertThat(TestKafka.header(letter, CloudEventHeaders.DLQ_TOPIC)).isEqualTo("test.batch-a");
        assertThat(TestKafka.header(letter, CloudEventHeaders.DLQ_ERROR)).contains("told to fail");
        assertThat(TestKafka.header(letter, CloudEventHeaders.DLQ_OFFSET)).isNotBlank();
    }

    private void pause() {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> consumer()
                                .getAssignments()
                                .await()
                                .atMost(Duration.ofSeconds(10))
                                .size()
                        > 0);
        consumer().pause().await().atMost(Duration.ofSeconds(10));
    }

    private KafkaConsumer<Object, Object> consumer() {
        return clients.getConsumer("test-batch");
    }

    private static List<ConsumerRecord<String, String>> deadLettersOf(UUID noteId) {
        return TestKafka.readAll("platform-test.dlq", Duration.ofMillis(300)).stream()
                .filter(r -> noteId.toString().equals(r.key()))
                .toList();
    }
}
