package io.kontor.platform.inbox;

import static io.kontor.platform.testapp.RawNotes.deadLettersOf;
import static io.kontor.platform.testapp.RawNotes.headers;
import static io.kontor.platform.testapp.RawNotes.noteJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kontor.devinfra.KafkaAccess;
import io.kontor.platform.testapp.AppliedNotes;
import io.kontor.platform.testapp.BatchNoteHandler;
import io.kontor.testing.TestInfra;
import io.kontor.testing.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * The orphan channel (OrphanChannel) in an application of its own: once its record stopped the channel, the application
 * stays not ready (as it should), which would fail every later test sharing it. The other applications start that
 * channel at the topic's end, so the record this test leaves unread does not stop theirs.
 */
@QuarkusTest
@TestProfile(OrphanChannelTest.ReadsFromTheStart.class)
class OrphanChannelTest {

    public static class ReadsFromTheStart implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.incoming.test-orphan.auto.offset.reset", "earliest");
        }
    }

    @Inject
    AppliedNotes applied;

    @Inject
    BatchNoteHandler handler;

    /**
     * A channel that reads a topic no handler names is a wiring mistake: acknowledging the record would lose it, so the
     * channel stops (its consumer leaves the group) and the record stays unread, neither acknowledged nor parked.
     */
    @Test
    void a_record_of_a_topic_no_handler_names_stops_its_channel_unacknowledged() throws Exception {
        String orphan = "test.batch-orphan";
        try (Admin admin = Admin.create(new HashMap<String, Object>(TestInfra.kafkaClient(KafkaAccess.ADMIN)))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> membersReading(admin, orphan) == 1);
            UUID noteId = UUID.randomUUID();
            String id = UUID.randomUUID().toString();
            TestKafka.send(orphan, noteId.toString(), noteJson(noteId, 1, "orphan"), headers(id));

            await().atMost(Duration.ofSeconds(60)).until(() -> membersReading(admin, orphan) == 0);
            assertThat(handler.calls(id)).isZero();
            assertThat(applied.timesApplied(id)).isZero();
            assertThat(deadLettersOf(noteId)).isEmpty();
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("platform-test")
                    .partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS);
            // Nothing of the topic was acknowledged: a fixed build reads the record again.
            assertThat(committed.entrySet())
                    .filteredOn(entry -> entry.getKey().topic().equals(orphan))
                    .allSatisfy(entry -> assertThat(entry.getValue().offset()).isZero());
        }
    }

    /** How many members of the test application's group have partitions of {@code topic} assigned. */
    private static long membersReading(Admin admin, String topic) throws Exception {
        ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("platform-test"))
                .describedGroups()
                .get("platform-test")
                .get(30, TimeUnit.SECONDS);
        return group.members().stream()
                .filter(member -> member.assignment().topicPartitions().stream()
                        .anyMatch(partition -> partition.topic().equals(topic)))
                .count();
    }
}
