package io.kontor.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kontor.platform.testapp.Note;
import io.kontor.platform.testapp.Notes;
import io.kontor.testing.TestKafka;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The benchmark-only dual write (OutboxMode) writes no outbox row and still sends the event once the change committed.
 */
@QuarkusTest
@TestProfile(DualWriteForBenchmarkTest.Benchmark.class)
class DualWriteForBenchmarkTest {

    public static class Benchmark implements QuarkusTestProfile {

        @Override
        public String getConfigProfile() {
            return "test,benchmark";
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kontor.outbox.mode", "dual-write-for-benchmark-only");
        }
    }

    @Inject
    Notes notes;

    @Inject
    OutboxRelay relay;

    @Test
    void the_event_is_sent_after_the_commit_without_an_outbox_row() {
        UUID id = QuarkusTransaction.requiringNew().call(() -> {
            Note note = notes.write("dual write");
            // Inside the writing transaction: the outbox would show its uncommitted row here.
            assertThat(relay.backlog()).isZero();
            return note.id;
        });

        await().atMost(Duration.ofSeconds(30))
                .until(() -> TestKafka.readAll("test.notes", Duration.ofMillis(200)).stream()
                        .anyMatch(record -> id.toString().equals(record.key())));
    }
}
