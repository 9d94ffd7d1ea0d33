package io.kontor.platform.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.kontor.devinfra.KafkaAccess;
import io.kontor.platform.events.CloudEventHeaders;
import io.kontor.testing.ManagementPort;
import io.kontor.testing.TestInfra;
import io.kontor.testing.TestKafka;
import io.kontor.testing.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

/**
 * Rows Kafka refuses for good, on the real broker: a record larger than its topic allows, a topic name the broker
 * rejects, and a topic that does not exist. The test broker creates every topic a producer asks for, except one whose
 * name collides with an existing one ({@code a_b} next to {@code a.b}: Kafka's metric names cannot tell them apart).
 */
@QuarkusTest
class OutboxParkingTest {

    private static final Duration DELIVERY = Duration.ofSeconds(60);
    // Below the producer's batch.size (16 KB) on purpose: the too-large record shares a batch with the others, which
    // the producer splits into the same batch again until the delivery timeout; the relay must still find and park it.
    private static final int TOPIC_LIMIT = 2_000;

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    MeterRegistry meters;

    @Test
    void a_record_too_large_is_parked_other_keys_go_on_its_key_waits_until_a_retry_sends_both_in_order()
            throws Exception {
        String topic = "test.limited-" + UUID.randomUUID().toString().substring(0, 8);
        createTopic(topic, TOPIC_LIMIT);
        double parkedBefore = parkedGauge();
        String held = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();

        String tooLarge = enqueue(topic, held, "x".repeat(TOPIC_LIMIT * 2));
        String waiting = enqueue(topic, held, "{\"after\":\"the large one\"}");
        String otherKey = enqueue(topic, other, "{\"other\":\"key\"}");

        JsonPath parked = awaitParked(topic, tooLarge);
        assertThat(parked.getString("items[0].key")).isEqualTo(held);
        assertThat(parked.getString("items[0].error")).contains("RecordTooLargeException");
        assertThat(parked.getInt("items[0].attempts")).isPositive();
        assertThat(parked.getLong("items[0].waiting")).isEqualTo(1);
        assertThat(awaitEvent(topic, otherKey)).isEqualTo(other);
        assertThat(parkedGauge()).isEqualTo(parkedBefore + 1);
        assertThat(relay.backlog()).isPositive();
        JsonPath health = JsonPath.from(given().get(ManagementPort.url("/q/health/ready"))
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(health.getString("checks.find { it.name == 'outbox' }.status"))
                .isEqualTo("UP");
        assertThat(health.getString("checks.find { it.name == 'outbox' }.data.warning"))
                .contains("/admin/outbox/parked");
        // Long after the other key's event went out, the held key has sent nothing: the waiting row did not overtake.
        assertThat(eventIds(topic, held, Duration.ofSeconds(2))).isEmpty();

        raiseLimit(topic);
        long id = parked.getLong("items[0].id");
        given().header("Authorization", TestTokens.bearer("admin"))
                .post("/admin/outbox/parked/" + id + "/retry")
                .then()
                .statusCode(200)
                .body("eventId", equalTo(tooLarge));

        await().atMost(DELIVERY)
                .until(() -> eventIds(topic, held, Duration.ofMillis(300)).size() == 2);
        assertThat(eventIds(topic, held, Duration.ofMillis(300))).containsExactly(tooLarge, waiting);
        assertThat(parkedGauge()).isEqualTo(parkedBefore);
        given().header("Authorization", TestTokens.bearer("admin"))
                .get("/admin/outbox/parked/" + id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void a_topic_name_kafka_rejects_is_parked_and_a_discard_with_a_reason_lets_its_key_go_on() throws Exception {
        String topic = "test.parking";
        // Granted, so that the broker judges the name rather than refusing an unauthorised topic first.
        allowToWrite("test.no such topic");
        String key = UUID.randomUUID().toString();
        String rejected = enqueue("test.no such topic", key, "{\"lost\":true}");
        String sameKeyElsewhere = enqueue(topic, key, "{\"same\":\"key\"}");
        String otherKey = enqueue(topic, UUID.randomUUID().toString(), "{\"other\":\"key\"}");

        JsonPath parked = awaitParked("test.no such topic", rejected);
        assertThat(parked.getString("items[0].error")).contains("InvalidTopicException");
        awaitEvent(topic, otherKey);
        assertThat(eventIds(topic, key, Duration.ofSeconds(1))).isEmpty();
        long id = parked.getLong("items[0].id");

        given().header("Authorization", TestTokens.bearer("admin"))
                .contentType(ContentType.JSON)
                .body("{\"reason\": \" \"}")
                .post("/admin/outbox/parked/" + id + "/discard")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("reason"));
        given().header("Authorization", TestTokens.bearer("admin"))
                .contentType(ContentType.JSON)
                .body("{\"reason\": \"typo in the topic, the consumer was told by phone\"}")
                .post("/admin/outbox/parked/" + id + "/discard")
                .then()
                .statusCode(200)
                .body("eventId", equalTo(rejected));

        assertThat(awaitEvent(topic, sameKeyElsewhere)).isEqualTo(key);
        given().header("Authorization", TestTokens.bearer("admin"))
                .contentType(ContentType.JSON)
                .body("{\"reason\": \"twice\"}")
                .post("/admin/outbox/parked/" + id + "/discard")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void a_topic_the_broker_says_does_not_exist_parks_its_row_after_the_grace_and_a_retry_sends_it_once_it_exists()
            throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String collider = "test.missing-" + suffix;
        String missing = "test_missing-" + suffix;
        createTopic(collider, 1_000_000);
        // Allowed to write it, so that the broker answers "unknown" rather than "not authorised".
        allowToWrite(missing);
        String key = UUID.randomUUID().toString();
        String first = enqueue(missing, key, "{\"first\":true}");
        String second = enqueue("test.parking", key, "{\"second\":true}");
        String otherKey = enqueue("test.parking", UUID.randomUUID().toString(), "{\"other\":\"key\"}");

        JsonPath parked = awaitParked(missing, first);
        assertThat(parked.getString("items[0].error"))
                .contains("topic " + missing + " does not exist")
                .contains("TimeoutException");
        assertThat(parked.getInt("items[0].attempts")).isGreaterThanOrEqualTo(2);
        awaitEvent("test.parking", otherKey);
        assertThat(eventIds("test.parking", key, Duration.ofSeconds(1))).isEmpty();

        try (Admin admin = admin()) {
            admin.deleteTopics(List.of(collider)).all().get(30, TimeUnit.SECONDS);
            // The name is free once the deletion has gone through the controller.
            await().atMost(DELIVERY).ignoreExceptions().until(() -> {
                admin.createTopics(List.of(new NewTopic(missing, 1, (short) 1)))
                        .all()
                        .get(10, TimeUnit.SECONDS);
                return true;
            });
        }
        given().header("Authorization", TestTokens.bearer("admin"))
                .post("/admin/outbox/parked/" + parked.getLong("items[0].id") + "/retry")
                .then()
                .statusCode(200);

        assertThat(awaitEvent(missing, first)).isEqualTo(key);
        assertThat(awaitEvent("test.parking", second)).isEqualTo(key);
    }

    @Test
    void a_topic_of_another_domain_is_refused_by_the_acls_and_the_row_parked_at_once() {
        // sales.customers exists, but the ACLs let only sales write it: a service must never forge another domain's
        // events, and a row the broker refuses for that must not block the relay.
        String key = UUID.randomUUID().toString();
        String forged = enqueue("sales.customers", key, "{\"forged\":true}");
        String otherKey = enqueue("test.parking", UUID.randomUUID().toString(), "{\"other\":\"key\"}");

        JsonPath parked = awaitParked("sales.customers", forged);

        assertThat(parked.getString("items[0].error")).contains("TopicAuthorizationException");
        awaitEvent("test.parking", otherKey);
        assertThat(TestKafka.readAll("sales.customers", Duration.ofMillis(300)))
                .noneMatch(record -> forged.equals(TestKafka.header(record, CloudEventHeaders.ID)));
    }

    @Test
    void only_admins_see_retry_and_discard_parked_rows() {
        given().header("Authorization", TestTokens.bearer("sales", "middle-office"))
                .get("/admin/outbox/parked")
                .then()
                .statusCode(403);
        given().header("Authorization", TestTokens.bearer("middle-office"))
                .post("/admin/outbox/parked/1/retry")
                .then()
                .statusCode(403);
        given().header("Authorization", TestTokens.bearer("middle-office"))
                .contentType(ContentType.JSON)
                .body("{\"reason\": \"r\"}")
                .post("/admin/outbox/parked/1/discard")
                .then()
                .statusCode(403);
    }

    @Test
    void an_unknown_id_is_a_404_and_a_malformed_one_or_a_missing_reason_a_400_naming_the_field() {
        given().header("Authorization", TestTokens.bearer("admin"))
                .post("/admin/outbox/parked/" + Long.MAX_VALUE + "/retry")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer("admin"))
                .post("/admin/outbox/parked/twelve/retry")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("id"));
        given().header("Authorization", TestTokens.bearer("admin"))
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/admin/outbox/parked/1/discard")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("reason"));
        given().header("Authorization", TestTokens.bearer("admin"))
                .queryParam("size", 0)
                .get("/admin/outbox/parked")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("size"));
    }

    private String enqueue(String topic, String key, String payload) {
        String eventId = UUID.randomUUID().toString();
        Map<String, String> headers = Map.of(
                CloudEventHeaders.SPEC_VERSION, "1.0",
                CloudEventHeaders.ID, eventId,
                CloudEventHeaders.TYPE, "kontor.test.parking.v1",
                CloudEventHeaders.SOURCE, "/kontor/test",
                CloudEventHeaders.CONTENT_TYPE, "application/json");
        QuarkusTransaction.requiringNew().run(() -> outbox.enqueue(topic, key, headers, payload));
        return eventId;
    }

    private static JsonPath awaitParked(String topic, String eventId) {
        return await().atMost(DELIVERY)
                .until(
                        () -> JsonPath.from(given().header("Authorization", TestTokens.bearer("admin"))
                                .queryParam("topic", topic)
                                .get("/admin/outbox/parked")
                                .then()
                                .statusCode(200)
                                .extract()
                                .asString()),
                        page -> page.getList("items.eventId").contains(eventId));
    }

    /** The key of the event once it is on the topic. */
    private static String awaitEvent(String topic, String eventId) {
        return await().atMost(DELIVERY)
                .until(
                        () -> TestKafka.readAll(topic, Duration.ofMillis(300)).stream()
                                .filter(record -> eventId.equals(TestKafka.header(record, CloudEventHeaders.ID)))
                                .map(ConsumerRecord::key)
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    private static List<String> eventIds(String topic, String key, Duration quietPeriod) {
        return TestKafka.readAll(topic, quietPeriod).stream()
                .filter(record -> key.equals(record.key()))
                .map(record -> TestKafka.header(record, CloudEventHeaders.ID))
                .toList();
    }

    private double parkedGauge() {
        return meters.get("kontor.outbox.parked").gauge().value();
    }

    private void createTopic(String topic, int maxMessageBytes) throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1)
                            .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(maxMessageBytes)))))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
        allowToWrite(topic);
    }

    // The broker is secured as the cluster is: the relay may write only what its principal is granted. A topic made up
    // by a test gets its grant from the test, as the access file gives it to the application's own topics.
    private void allowToWrite(String topic) throws Exception {
        try (Admin admin = admin()) {
            ResourcePattern pattern = new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL);
            List<AclBinding> grants = List.of(AclOperation.WRITE, AclOperation.DESCRIBE).stream()
                    .map(operation -> new AclBinding(
                            pattern,
                            new AccessControlEntry("User:platform-test", "*", operation, AclPermissionType.ALLOW)))
                    .toList();
            admin.createAcls(grants).all().get(30, TimeUnit.SECONDS);
        }
    }

    private void raiseLimit(String topic) throws Exception {
        try (Admin admin = admin()) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            AlterConfigOp raise = new AlterConfigOp(
                    new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(TOPIC_LIMIT * 10)),
                    AlterConfigOp.OpType.SET);
            admin.incrementalAlterConfigs(Map.of(resource, List.of(raise)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    // The broker's administrator: the application itself may neither create topics nor change their configuration.
    private static Admin admin() {
        return Admin.create(new HashMap<>(TestInfra.kafkaClient(KafkaAccess.ADMIN)));
    }
}
