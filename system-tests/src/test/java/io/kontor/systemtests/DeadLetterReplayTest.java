package io.kontor.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.kontor.devinfra.DevJwt;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A poison event, its dead letter, and the operator's replay after the fix. The poison: a {@code milestone-completed}
 * event (sent here as project-office's outbox would send it) for an offer accounting has not seen accepted. Accounting
 * must not bill it, nor drop it silently: it retries, parks it on its own {@code accounting-service.dlq} and goes on
 * with the next events. The fix: the offer is accepted in sales. Then the operator replays the dead letter through the
 * gateway ({@code POST /api/v1/accounting/admin/dead-letters/replay}), and the milestone is billed once, however often
 * it is replayed.
 *
 * <p>Every milestone event of the test carries the same project id as key, so they share a partition: one billed later
 * proves the consumer has gone past every earlier one, the poison and the replays included.
 */
class DeadLetterReplayTest extends SystemTest {

    private static final String TOPIC = "projects.projects";
    private static final String MILESTONE_CONSUMER = "accounting-service/MilestoneCompletedHandler.on";
    private static final String OFFER_CONSUMER = "accounting-service/OfferAcceptedHandler.on";
    // Events cross Kafka within a second on an idle machine; dead-lettering adds the retries. A busy shared one needs
    // far more.
    private static final Duration DELIVERY = Duration.ofMinutes(2);

    private EventEvidence evidence;
    private final String projectKey = UUID.randomUUID().toString();

    @Test
    void a_poison_milestone_is_dead_lettered_later_events_flow_and_its_replay_after_the_fix_bills_it_once() {
        evidence = new EventEvidence(platform);
        String customerId = registerCustomer();
        String sku = registerProduct();
        String billed = offer(customerId, sku);
        accept(billed);
        String pending = offer(customerId, sku);
        awaitAcceptedByAccounting(billed);

        String poisonId = completeMilestone(pending, customerId, "Konzept");

        EventEvidence.Record letter = await("the dead letter of " + poisonId)
                .atMost(DELIVERY)
                .until(() -> deadLettersOf(poisonId), letters -> !letters.isEmpty())
                .get(0);
        assertThat(letter.header("kontor_consumer")).isEqualTo(MILESTONE_CONSUMER);
        assertThat(letter.header("kontor_error")).contains("has not seen accepted");
        assertThat(letter.key()).isEqualTo(projectKey);
        assertThat(letter.header("kontor_topic")).isEqualTo(TOPIC);
        assertThat(milestoneInvoices(customerId, pending, "Konzept")).isZero();
        asAdmin()
                .queryParam("topic", TOPIC)
                .get("/api/v1/accounting/admin/dead-letters")
                .then()
                .statusCode(200)
                .body("find { it.eventId == '%s' }.consumer".formatted(poisonId), equalTo(MILESTONE_CONSUMER));

        completeMilestone(billed, customerId, "Entwurf");
        await("the milestone after the poison billed")
                .atMost(DELIVERY)
                .until(() -> milestoneInvoices(customerId, billed, "Entwurf") == 1);

        accept(pending);
        awaitAcceptedByAccounting(pending);
        // Accounting applies the letter itself, in the request: billed before the answer, nothing written to the
        // project-office topic it may not write.
        assertThat(replay(poisonId)).isEqualTo("APPLIED");
        assertThat(milestoneInvoices(customerId, pending, "Konzept")).isEqualTo(1);

        assertThat(replay(poisonId)).isEqualTo("ALREADY_APPLIED");
        completeMilestone(billed, customerId, "Abnahme");
        await("the milestone after the second replay billed")
                .atMost(DELIVERY)
                .until(() -> milestoneInvoices(customerId, billed, "Abnahme") == 1);
        assertThat(milestoneInvoices(customerId, pending, "Konzept"))
                .as("invoices for the twice replayed milestone")
                .isEqualTo(1);
        assertThat(deadLettersOf(poisonId))
                .as("dead letters of the poison: the replays were applied, not parked again")
                .hasSize(1);
    }

    @Test
    void only_admins_may_replay_and_the_topic_is_checked() {
        String accountant = DevJwt.mint("system-test-accountant", Duration.ofMinutes(10), "accounting");
        given().baseUri(platform.gatewayUrl())
                .header("Authorization", "Bearer " + accountant)
                .contentType(ContentType.JSON)
                .body("{\"topic\": \"projects.projects\"}")
                .post("/api/v1/accounting/admin/dead-letters/replay")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        asAdmin()
                .body("{\"topic\": \"projects.projects.dlq\"}")
                .post("/api/v1/accounting/admin/dead-letters/replay")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("topic"));
        asAdmin()
                .body("{\"topic\": \"projects.projects\", \"eventId\": \"%s\"}".formatted(UUID.randomUUID()))
                .post("/api/v1/accounting/admin/dead-letters/replay")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    private List<EventEvidence.Record> deadLettersOf(String eventId) {
        // Accounting's own dead-letter topic: it parks there whatever topic the record came from.
        return evidence.readAll("accounting-service.dlq").stream()
                .filter(record -> eventId.equals(record.header("ce_id")))
                .toList();
    }

    /** Sends what project-office's outbox sends when a milestone is completed; returns the event's ce_id. */
    private String completeMilestone(String offerId, String customerId, String name) {
        String eventId = UUID.randomUUID().toString();
        String data = """
                {"projectId": "%s", "milestoneId": "%s", "name": "%s", "offerId": "%s", "customerId": "%s",
                 "amount": 1000.00, "currency": "EUR", "completedOn": "%s"}
                """.formatted(projectKey, UUID.randomUUID(), name, offerId, customerId, LocalDate.now());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", eventId);
        headers.put("ce_type", "kontor.projects.milestone-completed.v1");
        headers.put("ce_source", "/kontor/project-office-service");
        headers.put("ce_subject", projectKey);
        headers.put("ce_time", Instant.now().toString());
        headers.put("content-type", "application/json");
        evidence.send(TOPIC, projectKey, data, headers);
        return eventId;
    }

    /** Replays the dead letter through the gateway and answers what became of it. */
    private String replay(String eventId) {
        return asAdmin()
                .body("{\"topic\": \"%s\", \"eventId\": \"%s\"}".formatted(TOPIC, eventId))
                .post("/api/v1/accounting/admin/dead-letters/replay")
                .then()
                .statusCode(200)
                .body("replayed.eventId", equalTo(List.of(eventId)))
                .extract()
                .path("replayed[0].outcome");
    }

    /** Accounting's inbox holds the offer's acceptance: from now on a milestone of it can be billed. */
    private void awaitAcceptedByAccounting(String offerId) {
        await("accounting applying the acceptance of offer " + offerId)
                .atMost(DELIVERY)
                .until(() -> {
                    List<String> acceptances = evidence.readAll("sales.offers").stream()
                            .filter(record -> offerId.equals(record.key())
                                    && "kontor.sales.offer-accepted.v1".equals(record.header("ce_type")))
                            .map(record -> record.header("ce_id"))
                            .toList();
                    return !acceptances.isEmpty()
                            && evidence.applied("accounting", OFFER_CONSUMER)
                                    .keySet()
                                    .containsAll(acceptances);
                });
    }

    private long milestoneInvoices(String customerId, String offerId, String milestone) {
        List<Map<String, Object>> invoices = asAdmin()
                .queryParam("customerId", customerId)
                .queryParam("size", 100)
                .get("/api/v1/accounting/invoices")
                .then()
                .statusCode(200)
                .extract()
                .path("items");
        return invoices.stream()
                .filter(invoice -> "MILESTONE".equals(invoice.get("origin")) && offerId.equals(invoice.get("offerId")))
                .filter(invoice -> invoice.get("lines").toString().contains("Meilenstein " + milestone + " "))
                .count();
    }

    private String registerCustomer() {
        return asAdmin()
                .body("""
                        {"name": "Speicherstadt Logistik GmbH", "type": "BUSINESS", "email": "rechnung@speicherstadt.example.org",
                         "billingAddress": {"street": "Am Sandtorkai 1", "postalCode": "20457", "city": "Hamburg", "country": "DE"}}
                        """)
                .post("/api/v1/sales/customers")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private String registerProduct() {
        String sku = "DLQ-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        asAdmin().body("""
                        {"sku": "%s", "name": "Projektphase", "unitPrice": 5000.00, "vatRate": 19, "unit": "piece"}
                        """.formatted(sku)).post("/api/v1/sales/products").then().statusCode(201);
        return sku;
    }

    /** A sent offer billed by milestones. */
    private String offer(String customerId, String sku) {
        String offerId = asAdmin()
                .body("""
                        {"customerId": "%s", "lines": [{"sku": "%s", "quantity": 1}], "billing": "MILESTONES"}
                        """.formatted(customerId, sku))
                .post("/api/v1/sales/offers")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        asAdmin().post("/api/v1/sales/offers/{id}/send", offerId).then().statusCode(200);
        return offerId;
    }

    private void accept(String offerId) {
        asAdmin()
                .post("/api/v1/sales/offers/{id}/accept", offerId)
                .then()
                .statusCode(200)
                .body("status", equalTo("ACCEPTED"));
    }
}
