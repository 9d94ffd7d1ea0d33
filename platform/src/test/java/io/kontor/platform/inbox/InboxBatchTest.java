package io.kontor.platform.inbox;

import static io.kontor.platform.testapp.RawNotes.deadLettersOf;
import static io.kontor.platform.testapp.RawNotes.headers;
import static io.kontor.platform.testapp.RawNotes.noteJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kontor.platform.events.CloudEventHeaders;
import io.kontor.platform.testapp.AppliedNotes;
import io.kontor.platform.testapp.BatchChannel;
import io.kontor.platform.testapp.BatchNoteHandler;
import io.kontor.testing.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The batch channel (InboxBatches): one consumer over two topics applies a poll in one transaction, skips what it
 * applied before, and isolates a failing record with the retries and dead letter of an {@code @Incoming} handler. The
 * consumer is paused while a test writes its records, so that they arrive in one poll.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InboxBatchTest {

    @Inject
    AppliedNotes applied;

    @Inject
    BatchNoteHandler handler;

    @Inject
    BatchChannel channel;

    @Inject
    InboxConfig config;

    @Inject
    Inbox inbox;

    @AfterEach
    void resume() {
        channel.resume();
    }

    @Test
    void a_poll_is_applied_in_one_transaction_in_order_and_a_repeated_event_once() {
        UUID noteId = UUID.randomUUID();
        String appliedBefore = UUID.randomUUID().toString();
        TestKafka.send("test.batch-a", noteId.toString(), noteJson(noteId, 0, "before"), headers(appliedBefore));
        await().atMost(Duration.ofSeconds(30)).until(() -> applied.timesApplied(appliedBefore) == 1);

        channel.pause();
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
        channel.resume();

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
        // The inbox rows of the poll keep the order it applied them in (no tie in processed_at).
        assertThat(applied.inboxOrder("platform-test/BatchNoteHandler.on", ids)).containsExactlyElementsOf(ids);
    }

    @Test
    void a_failing_record_is_retried_and_parked_alone_and_the_rest_of_its_poll_commits_in_order() {
        UUID noteId = UUID.randomUUID();
        UUID otherNote = UUID.randomUUID();
        channel.pause();
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
        channel.resume();

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

    @Test
    void a_batch_whose_commit_fails_is_applied_again_one_record_at_a_time_in_order() {
        UUID noteId = UUID.randomUUID();
        channel.pause();
        List<String> ids = new ArrayList<>();
        for (int sequence = 1; sequence <= 6; sequence++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            // Every handler call succeeds; the third leaves a row that breaks a deferred constraint at the commit.
            String title = sequence == 3 ? "breaks at commit" : "note";
            TestKafka.send("test.batch-a", noteId.toString(), noteJson(noteId, sequence, title), headers(id));
        }
        channel.resume();

        String breaking = ids.get(2);
        List<ConsumerRecord<String, String>> letters =
                await().atMost(Duration.ofSeconds(60)).until(() -> deadLettersOf(noteId), found -> !found.isEmpty());
        await().atMost(Duration.ofSeconds(30)).until(() -> applied.timesApplied(ids.get(5)) == 1);
        assertThat(applied.sequencesOf(noteId)).containsExactly(1, 2, 4, 5, 6);
        ids.forEach(id -> assertThat(applied.timesApplied(id)).isEqualTo(id.equals(breaking) ? 0 : 1));
        // The commit does not say which record broke it: each had its own transaction, the breaking one its retries.
        List<Long> transactions = applied.transactionsOf(noteId);
        assertThat(new HashSet<>(transactions)).hasSize(transactions.size());
        assertThat(handler.calls(breaking)).isEqualTo(1 + config.maxAttempts());
        // The others ran at most twice: in the batch that could not commit, then alone.
        ids.stream()
                .filter(id -> !id.equals(breaking))
                .forEach(id -> assertThat(handler.calls(id)).isBetween(1, 2));

        assertThat(letters).hasSize(1);
        ConsumerRecord<String, String> letter = letters.get(0);
        assertThat(TestKafka.header(letter, CloudEventHeaders.ID)).isEqualTo(breaking);
        assertThat(TestKafka.header(letter, CloudEventHeaders.DLQ_CONSUMER))
                .isEqualTo("platform-test/BatchNoteHandler.on");
        assertThat(TestKafka.header(letter, CloudEventHeaders.DLQ_ERROR)).contains("note_checked_note");
    }

    @Test
    void malformed_records_in_a_poll_are_parked_or_skipped_as_alone_and_the_rest_is_applied_in_order() {
        UUID noteId = UUID.randomUUID();
        channel.pause();
        String first = UUID.randomUUID().toString();
        TestKafka.send("test.batch-a", noteId.toString(), noteJson(noteId, 1, "note"), headers(first));
        String notACloudEvent = "no-headers-" + UUID.randomUUID();
        TestKafka.send("test.batch-a", noteId.toString(), notACloudEvent, Map.of());
        String second = UUID.randomUUID().toString();
        TestKafka.send("test.batch-a", noteId.toString(), noteJson(noteId, 2, "note"), headers(second));
        String brokenJson = UUID.randomUUID().toString();
        TestKafka.send("test.batch-a", noteId.toString(), "{\"noteId\": not json", headers(brokenJson));
        // A CloudEvent of a type no route knows (a newer producer), after the failing one
        // (so its batch runs it once): skipped, and its inbox row says so.
        String unknownType = UUID.randomUUID().toString();
        Map<String, String> unknown = new HashMap<>(headers(unknownType));
        unknown.put(CloudEventHeaders.TYPE, "kontor.test.note-archived.v1");
        TestKafka.send("test.batch-a", noteId.toString(), "{\"noteId\":\"" + noteId + "\"}", unknown);
        String third = UUID.randomUUID().toString();
        TestKafka.send("test.batch-a", noteId.toString(), noteJson(noteId, 3, "note"), headers(third));
        channel.resume();

        List<ConsumerRecord<String, String>> letters =
                await().atMost(Duration.ofSeconds(60)).until(() -> deadLettersOf(noteId), found -> found.size() >= 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> applied.timesApplied(third) == 1);
        assertThat(applied.sequencesOf(noteId)).containsExactly(1, 2, 3);
        assertThat(List.of(first, second, third))
                .allSatisfy(id -> assertThat(applied.timesApplied(id)).isEqualTo(1));

        // As the single-record path (InboxTest): the record that is not a CloudEvent is parked at once, the one
        // whose data does not fit fails its attempts and is parked, both under the handler's name.
        assertThat(letters).extracting(ConsumerRecord::value).containsExactly(notACloudEvent, "{\"noteId\": not json");
        assertThat(letters)
                .allSatisfy(letter -> assertThat(TestKafka.header(letter, CloudEventHeaders.DLQ_CONSUMER))
                        .isEqualTo("platform-test/BatchNoteHandler.on"));
        assertThat(TestKafka.header(letters.get(0), CloudEventHeaders.DLQ_ERROR))
                .contains("not a CloudEvents 1.0 record");
        assertThat(TestKafka.header(letters.get(1), CloudEventHeaders.ID)).isEqualTo(brokenJson);
        assertThat(handler.calls(brokenJson)).isEqualTo(config.maxAttempts());
        assertThat(inbox.applied("platform-test/BatchNoteHandler.on", brokenJson))
                .isFalse();
        assertThat(handler.calls(unknownType)).isEqualTo(1);
        assertThat(inbox.applied("platform-test/BatchNoteHandler.on", unknownType))
                .isTrue();
    }
}
