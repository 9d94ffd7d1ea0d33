package io.kontor.platform.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kontor.devinfra.DevJwt;
import io.kontor.platform.events.CloudEventHeaders;
import io.kontor.platform.events.audit.AdminActRecorded;
import io.kontor.testing.TestKafka;
import io.kontor.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The administrative acts every service records for process-service's audit trail (GoBD Rz. 151 ff.: the procedure
 * documentation includes who did what to the system): through the outbox, in the transaction of the act, naming the
 * caller.
 */
@QuarkusTest
class AdminActsTest {

    private static final Duration DELIVERY = Duration.ofSeconds(60);

    @Inject
    AdminActs acts;

    @Inject
    ObjectMapper json;

    @Test
    void a_dead_letter_replay_by_an_admin_is_recorded_with_the_admin_the_topic_and_the_service() {
        String consumer = "platform-test/Nobody" + UUID.randomUUID().toString().substring(0, 8) + ".on";
        given().header("Authorization", TestTokens.bearerFor("ops-anna", "admin"))
                .contentType(ContentType.JSON)
                .body(Map.of("topic", "test.notes", "consumer", consumer))
                .post("/admin/dead-letters/replay")
                .then()
                .statusCode(200);

        AdminActRecorded act = await().atMost(DELIVERY)
                .until(() -> actWith("consumer", consumer), Optional::isPresent)
                .orElseThrow();
        assertThat(act.act()).isEqualTo("dead-letters.replayed");
        assertThat(act.category()).isEqualTo(AdminActRecorded.CHANGE);
        assertThat(act.service()).isEqualTo("platform-test");
        assertThat(act.target()).isEqualTo("topic:test.notes");
        assertThat(act.actor()).isEqualTo(DevJwt.ISSUER + " ops-anna");
        assertThat(act.details()).containsEntry("letters", "0").containsEntry("topic", "test.notes");
        assertThat(act.at()).isNotNull();
    }

    @Test
    void a_refused_replay_records_no_act() {
        String consumer = "platform-test/Refused" + UUID.randomUUID().toString().substring(0, 8) + ".on";
        given().header("Authorization", TestTokens.bearerFor("ops-anna", "admin"))
                .contentType(ContentType.JSON)
                .body(Map.of("topic", "test.notes.dlq", "consumer", consumer))
                .post("/admin/dead-letters/replay")
                .then()
                .statusCode(400);

        await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
        assertThat(actWith("consumer", consumer)).isEmpty();
    }

    /** Complete and only what happened (GoBD Rz. 58): an act rolled back with its change is not in the trail. */
    @Test
    void a_change_is_recorded_in_its_transaction_and_rolled_back_with_it_and_outside_a_request_the_actor_is_system() {
        String kept = UUID.randomUUID().toString();
        String dropped = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> acts.changed("test.kept", "note:" + kept, Map.of("mark", kept)));
        QuarkusTransaction.begin();
        acts.changed("test.dropped", "note:" + dropped, Map.of("mark", dropped));
        QuarkusTransaction.rollback();

        AdminActRecorded act = await().atMost(DELIVERY)
                .until(() -> actWith("mark", kept), Optional::isPresent)
                .orElseThrow();
        assertThat(act.actor()).isEqualTo(AdminActs.SYSTEM);
        assertThat(actWith("mark", dropped)).isEmpty();
    }

    /** A read changes nothing, so it is recorded even when the reading transaction is rolled back. */
    @Test
    void a_read_is_recorded_in_a_transaction_of_its_own() {
        String mark = UUID.randomUUID().toString();
        QuarkusTransaction.begin();
        acts.read("test.read", "note:" + mark, Map.of("mark", mark));
        QuarkusTransaction.rollback();

        AdminActRecorded act = await().atMost(DELIVERY)
                .until(() -> actWith("mark", mark), Optional::isPresent)
                .orElseThrow();
        assertThat(act.category()).isEqualTo(AdminActRecorded.READ);
    }

    private Optional<AdminActRecorded> actWith(String detail, String value) {
        List<ConsumerRecord<String, String>> records =
                TestKafka.readAll(AdminActRecorded.TOPIC, Duration.ofMillis(300));
        return records.stream()
                .filter(record -> AdminActRecorded.TYPE.equals(TestKafka.header(record, CloudEventHeaders.TYPE)))
                .map(record -> {
                    try {
                        return json.readValue(record.value(), AdminActRecorded.class);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .filter(act -> value.equals(act.details().get(detail)))
                .findFirst();
    }
}
