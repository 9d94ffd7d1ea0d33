package io.kontor.process.task;

import static io.kontor.process.ProcessApi.BASE;
import static io.kontor.process.ProcessApi.asSubject;
import static io.kontor.process.ProcessApi.taskFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kontor.devinfra.DevJwt;
import io.kontor.platform.events.approvals.ApprovalRequested;
import io.kontor.platform.events.process.ApprovalDecided;
import io.kontor.testing.TestEvents;
import io.kontor.testing.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Four eyes (GoBD Rz. 100 ff., internal control): an approval request becomes a task in the inbox of its role; the
 * requester cannot decide it (409), another person of the role can, and the decision is announced and audited.
 */
@QuarkusTest
class TaskInboxTest {

    @Inject
    TestEvents events;

    @Inject
    Tasks tasks;

    @Test
    void a_second_person_of_the_role_approves_what_the_first_requested() {
        UUID invoice = UUID.randomUUID();
        UUID approval = UUID.randomUUID();
        events.send(
                "accounting-service",
                new ApprovalRequested(
                        approval,
                        "invoice-cancellation",
                        "invoice",
                        invoice.toString(),
                        new BigDecimal("14280.00"),
                        "EUR",
                        "Cancel invoice RE-2026-000777 (14280.00 EUR): Doppelt berechnet",
                        "/api/v1/accounting/invoices/" + invoice,
                        "accounting",
                        DevJwt.ISSUER + " anna",
                        Instant.now()));

        JsonPath task = await().atMost(Duration.ofSeconds(30))
                .until(() -> taskFor("bernd", "accounting", null, invoice.toString()), t -> t != null);
        assertThat(task.getString("title")).contains("RE-2026-000777", "14280.00");
        assertThat(task.getString("link")).isEqualTo("/api/v1/accounting/invoices/" + invoice);
        assertThat(taskFor("carla", "hr", null, invoice.toString()))
                .as("not in another role's inbox")
                .isNull();
        String id = task.getString("id");

        asSubject("anna", "accounting")
                .body("{}")
                .post(BASE + "/tasks/" + id + "/approve")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        asSubject("bernd", "accounting")
                .body("{\"comment\":\"Geprüft\"}")
                .post(BASE + "/tasks/" + id + "/approve")
                .then()
                .statusCode(200);
        asSubject("carla", "accounting")
                .body("{}")
                .post(BASE + "/tasks/" + id + "/reject")
                .then()
                .statusCode(409);

        List<ConsumerRecord<String, String>> decisions = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> TestKafka.readAll(ApprovalDecided.TOPIC, Duration.ofMillis(500)).stream()
                                .filter(r -> approval.toString().equals(r.key()))
                                .toList(),
                        found -> !found.isEmpty());
        assertThat(decisions).hasSize(1);
        assertThat(decisions.get(0).value()).contains("\"decision\":\"APPROVED\"", "bernd");
        assertThat(asSubject("auditor", "process-owner")
                        .queryParam("type", "approval-decided")
                        .queryParam("subject", invoice.toString())
                        .get(BASE + "/audit/entries")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getInt("total"))
                .isEqualTo(1);
    }

    @Test
    void a_task_open_past_its_due_time_is_escalated_once_to_the_process_owner() {
        UUID invoice = UUID.randomUUID();
        events.send(
                "accounting-service",
                new ApprovalRequested(
                        UUID.randomUUID(),
                        "invoice-cancellation",
                        "invoice",
                        invoice.toString(),
                        new BigDecimal("25000.00"),
                        "EUR",
                        "Cancel invoice RE-2026-000778 (25000.00 EUR)",
                        "/api/v1/accounting/invoices/" + invoice,
                        "accounting",
                        DevJwt.ISSUER + " anna",
                        Instant.now().minus(Duration.ofDays(3))));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> taskFor("bernd", "accounting", null, invoice.toString()), t -> t != null);
        assertThat(taskFor("olga", "process-owner", null, invoice.toString()))
                .as("not escalated yet")
                .isNull();

        assertThat(tasks.escalate()).isGreaterThanOrEqualTo(1);

        JsonPath escalated = taskFor("olga", "process-owner", null, invoice.toString());
        assertThat(escalated).isNotNull();
        assertThat(escalated.getString("escalatedAt")).isNotNull();
        assertThat(tasks.escalate()).as("once").isZero();
    }

    @Test
    void a_subject_filter_that_is_no_uuid_is_refused_naming_it() {
        asSubject("anna", "accounting")
                .queryParam("subjectId", "no-uuid")
                .get(BASE + "/tasks")
                .then()
                .statusCode(400)
                .body("violations[0].field", org.hamcrest.Matchers.equalTo("subjectId"));
    }
}
