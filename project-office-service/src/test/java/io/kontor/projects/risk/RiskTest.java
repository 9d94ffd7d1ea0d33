package io.kontor.projects.risk;

import static io.kontor.projects.ProjectsApi.PROJECTS;
import static io.kontor.projects.ProjectsApi.as;
import static io.kontor.projects.ProjectsApi.newProject;
import static io.kontor.projects.ProjectsApi.published;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.kontor.platform.events.projects.RiskEscalated;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RiskTest {

    @Test
    void a_risk_scores_probability_times_impact_and_escalates_once_while_it_stays_above_the_threshold() {
        String project = newProject("Risky project");
        String risks = PROJECTS + "/" + project + "/risks";
        String risk = as("project-office")
                .body("""
                        {"title":"Key developer leaves","probability":3,"impact":5,"mitigation":"Pair programming","owner":"pm@kontor.example"}""")
                .post(risks)
                .then()
                .statusCode(201)
                .body("score", equalTo(15))
                .body("escalated", equalTo(true))
                .extract()
                .path("id");

        // Edits that keep it above the threshold (or change nothing) are the same escalation.
        as("project-office")
                .body("{\"mitigation\":\"Pair programming, documentation\"}")
                .patch(risks + "/" + risk)
                .then()
                .statusCode(200);
        as("project-office")
                .body("{\"impact\":5}")
                .patch(risks + "/" + risk)
                .then()
                .statusCode(200);
        as("project-office")
                .body("{\"probability\":4}")
                .patch(risks + "/" + risk)
                .then()
                .statusCode(200)
                .body("score", equalTo(20));
        // Below the threshold the escalation ends; rising again is a new one.
        as("project-office")
                .body("{\"probability\":2}")
                .patch(risks + "/" + risk)
                .then()
                .body("escalated", equalTo(false));
        as("project-office")
                .body("{\"probability\":5}")
                .patch(risks + "/" + risk)
                .then()
                .body("score", equalTo(25));

        List<JsonNode> escalations = await().atMost(Duration.ofSeconds(30))
                .until(() -> published(RiskEscalated.TYPE, project), found -> found.size() >= 2);
        assertThat(published(RiskEscalated.TYPE, project)).hasSize(2);
        assertThat(escalations).extracting(e -> e.get("score").asInt()).containsExactly(15, 25);
        assertThat(escalations.get(0).get("riskId").asText()).isEqualTo(risk);
        assertThat(escalations.get(0).get("owner").asText()).isEqualTo("pm@kontor.example");
    }

    @Test
    void every_change_of_a_risk_is_kept_in_its_history_and_an_unchanged_patch_adds_none() {
        String project = newProject("Tracked project");
        String risks = PROJECTS + "/" + project + "/risks";
        String risk = as("project-office")
                .body("""
                        {"title":"Late hardware","probability":2,"impact":3,"owner":"ops"}""")
                .post(risks)
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        as("project-office")
                .body("{\"status\":\"MITIGATED\",\"mitigation\":\"Second supplier\"}")
                .patch(risks + "/" + risk)
                .then()
                .statusCode(200);
        as("project-office")
                .body("{\"status\":\"MITIGATED\"}")
                .patch(risks + "/" + risk)
                .then()
                .statusCode(200);
        as("project-office")
                .body("{\"status\":\"CLOSED\"}")
                .patch(risks + "/" + risk)
                .then()
                .statusCode(200);

        as("middle-office")
                .get(risks + "/" + risk)
                .then()
                .statusCode(200)
                .body("history.version", contains(1, 2, 3))
                .body("history.status", contains("OPEN", "MITIGATED", "CLOSED"))
                .body("history[1].mitigation", equalTo("Second supplier"))
                .body("history[0].changedBy", equalTo("test-user"));
    }

    @Test
    void a_probability_of_0_or_6_is_a_400_problem_naming_the_field_and_changes_nothing() {
        String project = newProject("Validated project");
        String risks = PROJECTS + "/" + project + "/risks";
        for (int probability : new int[] {0, 6}) {
            as("project-office")
                    .body("{\"title\":\"X\",\"probability\":" + probability + ",\"impact\":3,\"owner\":\"pm\"}")
                    .post(risks)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations[0].field", equalTo("probability"));
        }
        as("project-office")
                .body("{\"title\":\"\",\"probability\":1,\"impact\":9,\"owner\":\"pm\"}")
                .post(risks)
                .then()
                .statusCode(400)
                .body("violations.field", contains("impact", "title"));
        String risk = as("project-office")
                .body("{\"title\":\"Y\",\"probability\":1,\"impact\":1,\"owner\":\"pm\"}")
                .post(risks)
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        as("project-office")
                .body("{\"probability\":6}")
                .patch(risks + "/" + risk)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("probability"));
        as("project-office")
                .body("{\"title\":\" \"}")
                .patch(risks + "/" + risk)
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("title"));
        as("project-office")
                .get(risks)
                .then()
                .body("items", org.hamcrest.Matchers.hasSize(1))
                .body("items[0].probability", equalTo(1))
                .body("items[0].history", org.hamcrest.Matchers.hasSize(1));
    }

    @Test
    void a_risk_of_another_project_is_not_found() {
        String project = newProject("Other project");
        as("project-office")
                .body("{\"probability\":2}")
                .patch(PROJECTS + "/" + project + "/risks/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }
}
