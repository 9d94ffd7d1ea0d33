package io.kontor.projects.milestone;

import static io.kontor.projects.ProjectsApi.PROJECTS;
import static io.kontor.projects.ProjectsApi.as;
import static io.kontor.projects.ProjectsApi.published;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import io.kontor.platform.events.productdevelopment.BacklogItemCompleted;
import io.kontor.platform.events.projects.MilestoneCompleted;
import io.kontor.platform.events.sales.Address;
import io.kontor.platform.events.sales.BillingMode;
import io.kontor.platform.events.sales.CustomerSnapshot;
import io.kontor.platform.events.sales.CustomerType;
import io.kontor.platform.events.sales.OfferAccepted;
import io.kontor.platform.events.sales.OfferLine;
import io.kontor.testing.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MilestoneTest {

    @Inject
    TestEvents events;

    @Test
    void a_milestone_shows_the_requirements_its_completed_backlog_items_deliver_once() {
        String project = as("project-office")
                .body("{\"name\":\"Delivers\",\"managerEmail\":\"pm@kontor.example\",\"startDate\":\"2026-12-01\"}")
                .post(PROJECTS)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String milestones = PROJECTS + "/" + project + "/milestones";
        String milestone = as("project-office")
                .body("{\"name\":\"Schnittstellen\",\"dueDate\":\"2027-01-29\"}")
                .post(milestones)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        UUID requirement = UUID.randomUUID();
        BacklogItemCompleted.RequirementReference datev =
                new BacklogItemCompleted.RequirementReference(requirement, "REQ-000001", "Schnittstelle zu DATEV", 1);
        for (String item : List.of("DATEV-Export", "DATEV-Import")) {
            events.send(
                    "product-development-service",
                    new BacklogItemCompleted(
                            UUID.randomUUID(),
                            UUID.randomUUID(),
                            "STORY",
                            item,
                            UUID.fromString(project),
                            UUID.fromString(milestone),
                            List.of(datev),
                            Instant.now()));
        }

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> as("project-office")
                        .get(milestones)
                        .then()
                        .body("items[0].requirements.number", contains("REQ-000001"))
                        .body("items[0].requirements[0].requirementId", equalTo(requirement.toString())));
    }

    @Test
    void completing_a_milestone_publishes_its_amount_with_the_offer_and_the_customer_once() {
        UUID customerId = UUID.randomUUID();
        UUID offerId = UUID.randomUUID();
        String project = as("project-office")
                .body("""
                        {"name":"Billed by milestones","customerId":"%s","offerId":"%s","managerEmail":"pm@kontor.example","startDate":"2026-12-01"}""".formatted(customerId, offerId))
                .post(PROJECTS)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String milestones = PROJECTS + "/" + project + "/milestones";
        accepted(offerId, customerId, BillingMode.MILESTONES, "10000.00");
        String design = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> as("project-office")
                                .body("{\"name\":\"Design approved\",\"dueDate\":\"2027-01-15\",\"amount\":4000.5}")
                                .post(milestones)
                                .then()
                                .extract(),
                        answer -> answer.statusCode() == 201)
                .path("id");

        as("project-office")
                .post(milestones + "/" + design + "/complete")
                .then()
                .statusCode(200)
                .body("status", equalTo("COMPLETED"));
        // Completing twice would bill twice.
        as("project-office")
                .post(milestones + "/" + design + "/complete")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");

        List<JsonNode> completed = await().atMost(Duration.ofSeconds(30))
                .until(() -> published(MilestoneCompleted.TYPE, project), found -> !found.isEmpty());
        JsonNode event = completed.get(0);
        assertThat(new BigDecimal(event.get("amount").asText())).isEqualByComparingTo("4000.50");
        assertThat(event.get("currency").asText()).isEqualTo("EUR");
        assertThat(event.get("offerId").asText()).isEqualTo(offerId.toString());
        assertThat(event.get("customerId").asText()).isEqualTo(customerId.toString());
        assertThat(event.get("milestoneId").asText()).isEqualTo(design);
        assertThat(event.get("name").asText()).isEqualTo("Design approved");
        assertThat(published(MilestoneCompleted.TYPE, project)).hasSize(1);
    }

    /**
     * Issue #15: milestones bill the accepted offer, together at most its net total; a project not linked to an offer
     * sold by milestones plans none with an amount (409 naming {@code amount}, nothing planned).
     */
    @Test
    void milestones_bill_at_most_the_accepted_offers_net_total_and_only_for_its_project() {
        UUID customerId = UUID.randomUUID();
        UUID offerId = UUID.randomUUID();
        accepted(offerId, customerId, BillingMode.MILESTONES, "1000.00");
        String project = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> as("project-office")
                                .queryParam("offerId", offerId)
                                .get(PROJECTS)
                                .then()
                                .extract()
                                .jsonPath()
                                .getString("items[0].id"),
                        id -> id != null);
        String milestones = PROJECTS + "/" + project + "/milestones";
        as("project-office")
                .body("{\"name\":\"Teil 1\",\"dueDate\":\"2027-01-15\",\"amount\":600}")
                .post(milestones)
                .then()
                .statusCode(201);
        as("project-office")
                .body("{\"name\":\"Teil 2\",\"dueDate\":\"2027-02-15\",\"amount\":400.01}")
                .post(milestones)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("violations.field", contains("amount"));
        as("project-office")
                .body("{\"name\":\"Rest\",\"dueDate\":\"2027-02-15\",\"amount\":400}")
                .post(milestones)
                .then()
                .statusCode(201);
        as("project-office").get(milestones).then().body("items", hasSize(2));

        String byHand = as("project-office")
                .body("{\"name\":\"No offer\",\"managerEmail\":\"pm@kontor.example\",\"startDate\":\"2026-12-01\"}")
                .post(PROJECTS)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as("project-office")
                .body("{\"name\":\"Teil 1\",\"dueDate\":\"2027-01-15\",\"amount\":1}")
                .post(PROJECTS + "/" + byHand + "/milestones")
                .then()
                .statusCode(409)
                .body("violations.field", contains("amount"));
        as("project-office").get(PROJECTS + "/" + byHand + "/milestones").then().body("items", hasSize(0));
    }

    private void accepted(UUID offerId, UUID customerId, BillingMode billing, String netTotal) {
        BigDecimal net = new BigDecimal(netTotal);
        events.send(
                "sales-backoffice-service",
                new OfferAccepted(
                        offerId,
                        "AN-2026-000099",
                        1,
                        customerId,
                        new CustomerSnapshot(
                                "K-000099",
                                "Meilenstein GmbH",
                                CustomerType.BUSINESS,
                                "info@meilenstein.example",
                                null,
                                14,
                                new Address("Hauptstr. 1", "10115", "Berlin", "DE")),
                        billing,
                        "EUR",
                        List.of(new OfferLine(
                                "PROJ",
                                "Projekt",
                                BigDecimal.ONE,
                                "pc",
                                net,
                                BigDecimal.ZERO,
                                new BigDecimal("19"),
                                net,
                                null,
                                null,
                                false,
                                null)),
                        net,
                        net.multiply(new BigDecimal("0.19")).setScale(2),
                        net.multiply(new BigDecimal("1.19")).setScale(2),
                        Instant.now(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null));
    }

    @Test
    void an_empty_name_or_a_negative_amount_is_a_400_problem_naming_the_field_and_plans_nothing() {
        String project = as("project-office")
                .body("{\"name\":\"Careful\",\"managerEmail\":\"pm@kontor.example\",\"startDate\":\"2026-12-01\"}")
                .post(PROJECTS)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String milestones = PROJECTS + "/" + project + "/milestones";

        as("project-office")
                .body("{\"name\":\"\",\"dueDate\":\"2027-01-15\"}")
                .post(milestones)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", contains("name"));
        as("project-office")
                .body("{\"name\":\"Go-live\",\"dueDate\":\"2027-01-15\",\"amount\":-1}")
                .post(milestones)
                .then()
                .statusCode(400)
                .body("violations.field", contains("amount"));
        as("project-office")
                .body("{\"name\":\"Go-live\",\"dueDate\":\"2027-01-15\",\"amount\":1.005}")
                .post(milestones)
                .then()
                .statusCode(400)
                .body("violations.field", contains("amount"));
        as("project-office").get(milestones).then().statusCode(200).body("items", hasSize(0));
        as("project-office")
                .post(milestones + "/" + UUID.randomUUID() + "/complete")
                .then()
                .statusCode(404);
    }
}
