package io.kontor.platform.deadletter;

import static io.kontor.platform.testapp.RawNotes.headers;
import static io.kontor.platform.testapp.RawNotes.noteJson;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.kontor.platform.events.CloudEventHeaders;
import io.kontor.platform.testapp.AppliedNotes;
import io.kontor.platform.testapp.NoteWrittenHandler;
import io.kontor.testing.TestKafka;
import io.kontor.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DeadLetterReplayTest {

    private static final String TOPIC = "test.notes";
    private static final String DEAD_LETTER_TOPIC = "platform-test.dlq";
    private static final Duration DELIVERY = Duration.ofSeconds(60);

    @Inject
    AppliedNotes applied;

    @Inject
    NoteWrittenHandler handler;

    @Test
    void a_dead_letter_replayed_after_the_fix_is_applied_once_however_often_it_is_replayed() {
        UUID noteId = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        TestKafka.send(TOPIC, noteId.toString(), noteJson(noteId, 1, "fail until fixed"), headers(eventId));

        await().atMost(DELIVERY)
                .untilAsserted(() -> given().header("Authorization", TestTokens.bearer("admin"))
                        .queryParam("topic", TOPIC)
                        .get("/admin/dead-letters")
                        .then()
                        .statusCode(200)
                        .body("eventId", hasItem(eventId)));
        assertThat(applied.timesApplied(eventId)).isZero();

        // Not fixed yet: the replay fails as the first delivery did, and the letter is parked once more.
        assertThat(replay(eventId)).isEqualTo("PARKED_AGAIN");
        assertThat(applied.timesApplied(eventId)).isZero();

        handler.fix(noteId);
        assertThat(replay(eventId)).isEqualTo("APPLIED");
        assertThat(applied.timesApplied(eventId)).isEqualTo(1);
        assertThat(replay(eventId)).isEqualTo("ALREADY_APPLIED");
        assertThat(applied.timesApplied(eventId)).isEqualTo(1);

        String laterId = UUID.randomUUID().toString();
        TestKafka.send(TOPIC, noteId.toString(), noteJson(noteId, 2, "later"), headers(laterId));
        await().atMost(DELIVERY).until(() -> applied.timesApplied(laterId) == 1);
        assertThat(applied.sequencesOf(noteId)).containsExactly(1, 2);

        // The replay wrote nothing to the original topic: the other consumers of a domain topic never see an event
        // twice, and a service needs no right to write another domain's topic.
        assertThat(TestKafka.readAll(TOPIC, Duration.ofMillis(300)).stream()
                        .filter(record -> eventId.equals(TestKafka.header(record, CloudEventHeaders.ID))))
                .hasSize(1);
        List<ConsumerRecord<String, String>> parked =
                TestKafka.readAll(DEAD_LETTER_TOPIC, Duration.ofMillis(300)).stream()
                        .filter(record -> eventId.equals(TestKafka.header(record, CloudEventHeaders.ID)))
                        .toList();
        assertThat(parked).hasSize(2).allSatisfy(record -> {
            assertThat(TestKafka.headers(record))
                    .containsEntry(CloudEventHeaders.DLQ_TOPIC, TOPIC)
                    .containsEntry(CloudEventHeaders.DLQ_CONSUMER, "platform-test/NoteWrittenHandler.on")
                    .containsKeys(CloudEventHeaders.DLQ_ERROR, CloudEventHeaders.DLQ_PARTITION);
            assertThat(record.key()).isEqualTo(noteId.toString());
            assertThat(record.value()).isEqualTo(noteJson(noteId, 1, "fail until fixed"));
        });
    }

    @Test
    void only_admins_see_and_replay_dead_letters() {
        given().header("Authorization", TestTokens.bearer("sales", "middle-office"))
                .queryParam("topic", TOPIC)
                .get("/admin/dead-letters")
                .then()
                .statusCode(403);
        given().header("Authorization", TestTokens.bearer("sales"))
                .contentType(ContentType.JSON)
                .body("{\"topic\": \"test.notes\"}")
                .post("/admin/dead-letters/replay")
                .then()
                .statusCode(403);
    }

    @Test
    void a_missing_or_odd_topic_is_a_400_naming_it() {
        given().header("Authorization", TestTokens.bearer("admin"))
                .get("/admin/dead-letters")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer("admin"))
                .contentType(ContentType.JSON)
                .body("{\"topic\": \"test.notes.dlq\"}")
                .post("/admin/dead-letters/replay")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("topic"));
        given().header("Authorization", TestTokens.bearer("admin"))
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/admin/dead-letters/replay")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("topic"));
    }

    @Test
    void replaying_an_unknown_dead_letter_is_a_404() {
        given().header("Authorization", TestTokens.bearer("admin"))
                .contentType(ContentType.JSON)
                .body("{\"topic\": \"test.notes\", \"eventId\": \"" + UUID.randomUUID() + "\"}")
                .post("/admin/dead-letters/replay")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    /** Replays the letter and answers its outcome. */
    private static String replay(String eventId) {
        return given().header("Authorization", TestTokens.bearer("admin"))
                .contentType(ContentType.JSON)
                .body("{\"topic\": \"test.notes\", \"eventId\": \"" + eventId + "\"}")
                .post("/admin/dead-letters/replay")
                .then()
                .statusCode(200)
                .body("replayed.eventId", equalTo(List.of(eventId)))
                .extract()
                .path("replayed[0].outcome");
    }
}
