package io.kontor.platform.inbox;

import static io.kontor.platform.testapp.RawNotes.headers;
import static io.kontor.platform.testapp.RawNotes.noteJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kontor.platform.events.IncomingEvent;
import io.kontor.platform.testapp.AppliedNotes;
import io.kontor.platform.testapp.BatchNoteHandler;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/**
 * A handler that fails while the application stops failed because of the stop (the datasource closing under it): its
 * record is neither retried nor dead-lettered but thrown back unacknowledged, so the consumer that takes over the
 * partition applies it. Before, such records were parked on the dead-letter topic at every graceful stop under load.
 */
@QuarkusTest
class StoppingTest {

    @Inject
    BatchNoteHandler handler;

    @Inject
    AppliedNotes applied;

    @Inject
    ObjectMapper json;

    @Test
    void a_record_failing_while_the_application_stops_is_thrown_back_not_retried_or_parked() {
        UUID noteId = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        RecordHeaders kafkaHeaders = new RecordHeaders();
        headers(eventId).forEach((name, value) -> kafkaHeaders.add(name, value.getBytes(StandardCharsets.UTF_8)));
        IncomingEvent event = IncomingEvent.of(
                "test.batch-a", 0, 0, noteId.toString(), kafkaHeaders, noteJson(noteId, 1, "fail always"), json);
        Stopping stopping = new Stopping();
        stopping.stopping(null);
        try {
            assertThatThrownBy(() -> handler.on(event))
                    .isInstanceOf(Stopping.Interrupted.class)
                    .hasMessageContaining("the application is stopping")
                    .hasRootCauseMessage("told to fail: fail always");
        } finally {
            stopping.started(null);
        }
        // One attempt, nothing applied, no inbox row: when it comes again it is applied as new.
        assertThat(handler.calls(eventId)).isEqualTo(1);
        assertThat(applied.timesApplied(eventId)).isZero();
        assertThat(applied.inboxOrder("platform-test/BatchNoteHandler.on", java.util.List.of(eventId)))
                .isEmpty();
    }
}
