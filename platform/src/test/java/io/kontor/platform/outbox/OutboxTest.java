package io.kontor.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.kontor.platform.events.CloudEventHeaders;
import io.kontor.platform.testapp.AppliedNotes;
import io.kontor.platform.testapp.Note;
import io.kontor.platform.testapp.Notes;
import io.kontor.testing.TestInfra;
import io.kontor.testing.TestKafka;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutboxTest {

    @Inject
    Notes notes;

    @Inject
    OutboxRelay relay;

    @Inject
    AppliedNotes applied;

    @Inject
    Outbox outbox;

    @Inject
    io.agroal.api.AgroalDataSource dataSource;

    @Test
    void an_event_is_on_kafka_once_its_transaction_committed_with_cloud_event_headers() {
        Note note = notes.write("committed");

        ConsumerRecord<String, String> record = awaitEventOf(note.id);

        assertThat(record.key()).isEqualTo(note.id.toString());
        assertThat(TestKafka.header(record, CloudEventHeaders.TYPE)).isEqualTo("kontor.test.note-written.v1");
        assertThat(TestKafka.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/kontor/platform-test");
        assertThat(TestKafka.header(record, CloudEventHeaders.SUBJECT)).isEqualTo(note.id.toString());
        assertThat(TestKafka.header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(TestKafka.header(record, CloudEventHeaders.ID)).isNotBlank();
        assertThat(TestKafka.header(record, CloudEventHeaders.TIME)).isNotBlank();
        assertThat(record.value()).contains("\"title\":\"committed\"");
    }

    @Test
    void nothing_is_published_before_the_commit() {
        UUID id = QuarkusTransaction.requiringNew().call(() -> {
            Note note = notes.write("slow transaction");
            // The relay polls every 250 ms and is woken by commits: a second is plenty to catch an early publish.
            assertThat(eventsOf(note.id, Duration.ofSeconds(1))).isEmpty();
            return note.id;
        });
        awaitEventOf(id);
    }

    @Test
    void a_rolled_back_change_publishes_nothing() {
        List<UUID> rolledBack = new ArrayList<>();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
                    rolledBack.add(notes.write("rolled back").id);
                    throw new IllegalStateException("business rule broken after the event was written");
                }))
                .isInstanceOf(IllegalStateException.class);

        // A later committed event proves the relay has been past the point where the rolled-back one would be.
        Note later = notes.write("after the rollback");
        awaitEventOf(later.id);
        assertThat(eventsOf(rolledBack.get(0), Duration.ofMillis(500))).isEmpty();
    }

    @Test
    void with_the_broker_down_writes_succeed_and_every_event_arrives_in_order_after_it_returns() {
        TestInfra.kafka().stop();
        List<UUID> aggregates = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                aggregates.add(notes.write("while kafka is down").id);
            }
            for (int sequence = 2; sequence <= 10; sequence++) {
                for (UUID id : aggregates) {
                    notes.rewrite(id, sequence);
                }
            }
            assertThat(relay.backlog()).isGreaterThanOrEqualTo(30);
        } finally {
            TestInfra.kafka().restart();
        }

        Map<UUID, List<Integer>> delivered = new LinkedHashMap<>();
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            for (UUID id : aggregates) {
                delivered.put(id, applied.sequencesOf(id));
                assertThat(delivered.get(id)).hasSize(10);
            }
        });
        for (UUID id : aggregates) {
            assertThat(delivered.get(id))
                    .as("events of %s in publication order", id)
                    .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> relay.backlog() == 0);
    }

    @Test
    void the_events_of_one_transaction_are_written_at_its_commit_in_one_batch_and_arrive_in_publication_order() {
        List<UUID> aggregates = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 3; i++) {
                aggregates.add(notes.write("one transaction").id);
            }
            // Interleaved over the aggregates, as a batch job publishes: order must hold per key.
            for (int sequence = 2; sequence <= 40; sequence++) {
                for (UUID id : aggregates) {
                    notes.rewrite(id, sequence);
                }
            }
            // Buffered until the commit (#23): nothing in the table yet, not even for this transaction itself.
            assertThat(outboxRowsOf(aggregates)).isZero();
        });

        Map<UUID, List<Integer>> delivered = new LinkedHashMap<>();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (UUID id : aggregates) {
                delivered.put(id, applied.sequencesOf(id));
                assertThat(delivered.get(id)).hasSize(40);
            }
        });
        List<Integer> expected =
                java.util.stream.IntStream.rangeClosed(1, 40).boxed().toList();
        for (UUID id : aggregates) {
            assertThat(delivered.get(id))
                    .as("events of %s in publication order", id)
                    .isEqualTo(expected);
        }
    }

    @Test
    void an_outbox_row_that_cannot_be_written_rolls_the_business_change_back() {
        UUID id = UUID.randomUUID();
        // A topic longer than the column: the insert before the commit fails, and with it the whole transaction.
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
                    Note note = new Note();
                    note.id = id;
                    note.title = "with an event that cannot be stored";
                    note.status = "OPEN";
                    note.persist();
                    outbox.enqueue("t".repeat(300), id.toString(), Map.of(), "{}");
                }))
                .isInstanceOf(RuntimeException.class);
        Note stored = QuarkusTransaction.requiringNew().call(() -> Note.<Note>findById(id));
        assertThat(stored).as("the note of the failed transaction").isNull();
    }

    private long outboxRowsOf(List<UUID> aggregates) {
        try (java.sql.Connection connection = dataSource.getConnection();
                java.sql.PreparedStatement count =
                        connection.prepareStatement("select count(*) from outbox where record_key = any(?)")) {
            count.setArray(
                    1,
                    connection.createArrayOf(
                            "varchar", aggregates.stream().map(UUID::toString).toArray()));
            try (java.sql.ResultSet result = count.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ConsumerRecord<String, String> awaitEventOf(UUID noteId) {
        List<ConsumerRecord<String, String>> found = await().atMost(Duration.ofSeconds(30))
                .until(() -> eventsOf(noteId, Duration.ofMillis(200)), records -> !records.isEmpty());
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static List<ConsumerRecord<String, String>> eventsOf(UUID noteId, Duration quietPeriod) {
        return TestKafka.readAll("test.notes", quietPeriod).stream()
                .filter(r -> noteId.toString().equals(r.key()))
                .toList();
    }
}
