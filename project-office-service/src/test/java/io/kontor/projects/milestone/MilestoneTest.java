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
        String design = as("project-office")
                .body("{\"name\":\"Design approved\",\"dueDate\":\"2027-01-15\",\"amount\":4000.5}")
                .post(milestones)
                .then()
                .statusCode(201)
                .body("status", equalTo("PLANNED"))
                .extract()
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
