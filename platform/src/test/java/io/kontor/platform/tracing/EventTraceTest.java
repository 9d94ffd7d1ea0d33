package io.kontor.platform.tracing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kontor.platform.testapp.AppliedNotes;
import io.kontor.testing.TestKafka;
import io.kontor.testing.TestTokens;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * One trace from a request through the outbox, Kafka and the inbox. The platform's test application is producer and
 * consumer at once (it writes notes over HTTP and consumes its own test.notes through the inbox), so both ends run in
 * this JVM; between them the trace travels only as the {@code traceparent} Kafka header of a record on a real broker,
 * exactly as between two services.
 */
@QuarkusTest
class EventTraceTest {

    private static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");

    @Inject
    InMemorySpanExporter spans;

    @Inject
    AppliedNotes applied;

    @Test
    void one_trace_follows_a_request_through_the_outbox_and_kafka_into_the_consumers_inbox() {
        String id = given().header("Authorization", TestTokens.bearer("sales"))
                .contentType("application/json")
                .body("{\"title\": \"traced\", \"meta\": {\"priority\": 1}}")
                .when()
                .post("/test/notes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        // On the wire: W3C traceparent "00-<trace id>-<span id>-<flags>", from the outbox row's headers.
        ConsumerRecord<String, String> record =
                await().atMost(Duration.ofSeconds(30)).until(() -> recordOf(id), r -> r != null);
        String[] traceparent = TestKafka.header(record, "traceparent").split("-");
        assertThat(traceparent).hasSize(4);
        String traceId = traceparent[1];

        await().atMost(Duration.ofSeconds(30))
                .until(() -> !applied.sequencesOf(UUID.fromString(id)).isEmpty());
        SpanData consumer =
                await().atMost(Duration.ofSeconds(30)).until(() -> consumerSpan(traceId), span -> span != null);
        SpanData request = spans.getFinishedSpanItems().stream()
                .filter(s -> s.getKind() == SpanKind.SERVER && s.getTraceId().equals(traceId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no server span in trace " + traceId + ": " + names()));

        SpanData relay = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> spans.getFinishedSpanItems().stream()
                                .filter(s -> s.getKind() == SpanKind.PRODUCER
                                        && s.getTraceId().equals(traceId))
                                .findFirst()
                                .orElse(null),
                        span -> span != null);

        assertThat(request.getName()).contains("/test/notes");
        assertThat(relay.getName()).isEqualTo("test.notes publish");
        assertThat(relay.getParentSpanId())
                .as("the relay's send continues the request that wrote the outbox row")
                .isEqualTo(request.getSpanId());
        assertThat(traceparent[2]).as("the record carries the send's span").isEqualTo(relay.getSpanId());
        assertThat(consumer.getParentSpanId())
                .as("the inbox continues the span that sent the event")
                .isEqualTo(relay.getSpanId());
        assertThat(consumer.getAttributes().asMap().values()).contains("test.notes", "kontor.test.note-written.v1");
    }

    @Test
    void an_event_without_trace_context_gets_a_trace_of_its_own() {
        UUID note = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        TestKafka.send(
                "test.notes",
                note.toString(),
                "{\"noteId\":\"" + note + "\",\"sequence\":1,\"title\":\"untraced\"}",
                Map.of(
                        "ce_specversion", "1.0",
                        "ce_id", eventId,
                        "ce_type", "kontor.test.note-written.v1",
                        "ce_source", "/kontor/elsewhere",
                        "ce_subject", note.toString(),
                        "ce_time", "2026-01-01T00:00:00Z"));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> !applied.sequencesOf(note).isEmpty());
        SpanData consumer = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> spans.getFinishedSpanItems().stream()
                                .filter(s -> s.getKind() == SpanKind.CONSUMER)
                                .filter(s -> eventId.equals(s.getAttributes().get(MESSAGE_ID)))
                                .findFirst()
                                .orElse(null),
                        span -> span != null);

        assertThat(consumer.getParentSpanContext().isValid()).isFalse();
    }

    private SpanData consumerSpan(String traceId) {
        return spans.getFinishedSpanItems().stream()
                .filter(s -> s.getKind() == SpanKind.CONSUMER && s.getTraceId().equals(traceId))
                .filter(s -> s.getName().equals("test.notes process"))
                .findFirst()
                .orElse(null);
    }

    private List<String> names() {
        return spans.getFinishedSpanItems().stream()
                .map(s -> s.getKind() + " " + s.getName() + " " + s.getTraceId())
                .toList();
    }

    private static ConsumerRecord<String, String> recordOf(String id) {
        return TestKafka.readAll("test.notes", Duration.ofMillis(200)).stream()
                .filter(r -> id.equals(r.key()))
                .findFirst()
                .orElse(null);
    }
}
