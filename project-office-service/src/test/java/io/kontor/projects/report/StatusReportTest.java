package io.kontor.projects.report;

import static io.kontor.projects.ProjectsApi.PROJECTS;
import static io.kontor.projects.ProjectsApi.as;
import static io.kontor.projects.ProjectsApi.newProject;
import static io.kontor.projects.ProjectsApi.published;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import io.kontor.platform.events.projects.StatusReportPublished;
import io.kontor.testing.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StatusReportTest {

    @Inject
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void the_report_turns_from_green_to_amber_to_red_as_things_get_late_and_risks_escalate() {
        clock.set(Instant.parse("2027-05-03T08:00:00Z"));
        String project = newProject("Reported");
        String base = PROJECTS + "/" + project;
        as("project-office")
                .body("{\"name\":\"Prototype\",\"dueDate\":\"2027-05-10\"}")
                .post(base + "/milestones")
                .then()
                .statusCode(201);
        as("project-office")
                .body("{\"title\":\"Small risk\",\"probability\":2,\"impact\":2,\"owner\":\"pm\"}")
                .post(base + "/risks")
                .then()
                .statusCode(201);
        as("project-office")
                .get(base + "/status-report")
                .then()
                .statusCode(200)
                .body("rag", equalTo("GREEN"))
                .body("openRisks", hasSize(1))
                .body("escalatedRisks", hasSize(0))
                .body("milestones", hasSize(1));

        clock.set(Instant.parse("2027-05-12T08:00:00Z"));
        as("project-office")
                .get(base + "/status-report")
                .then()
                .body("rag", equalTo("AMBER"))
                .body("reasons", contains("milestone \"Prototype\" is 2 days overdue"))
                .body("milestones[0].daysOverdue", equalTo(2));

        as("project-office")
                .body("{\"title\":\"Supplier insolvent\",\"probability\":4,\"impact\":5,\"owner\":\"pm\"}")
                .post(base + "/risks")
                .then()
                .statusCode(201);
        as("project-office")
                .accept("application/json")
                .get(base + "/status-report")
                .then()
                .body("rag", equalTo("RED"))
                .body("escalatedRisks.title", contains("Supplier insolvent"))
                .body("openRisks.title", contains("Supplier insolvent", "Small risk"));
    }

    @Test
    void the_report_reads_as_markdown_when_asked_for() {
        clock.set(Instant.parse("2027-05-03T08:00:00Z"));
        String project = newProject("Markdown | project");
        as("project-office")
                .body("""
                        {"meetingDate":"2027-04-01","attendees":["Anna"],
                         "actionItems":[{"description":"Sign the contract","owner":"Anna","dueDate":"2027-04-20"}]}""")
                .post(PROJECTS + "/" + project + "/minutes")
                .then()
                .statusCode(201);

        String markdown = as("project-office")
                .accept("text/markdown")
                .get(PROJECTS + "/" + project + "/status-report")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/markdown"))
                .body(startsWith("# Status report: Markdown | project"))
                .body(containsString("- Status: **AMBER**"))
                .extract()
                .asString();
        assertThat(markdown).contains("| Sign the contract | Anna | 2027-04-20 | 13 |");
    }

    @Test
    void publishing_a_report_keeps_it_and_announces_its_rag_and_counts() {
        clock.set(Instant.parse("2027-05-03T08:00:00Z"));
        String project = newProject("Published");
        String base = PROJECTS + "/" + project;
        as("project-office")
                .body("{\"title\":\"Big risk\",\"probability\":5,\"impact\":5,\"owner\":\"pm\"}")
                .post(base + "/risks")
                .then()
                .statusCode(201);

        String report = as("project-office")
                .post(base + "/status-reports")
                .then()
                .statusCode(201)
                .body("rag", equalTo("RED"))
                .body("reportDate", equalTo("2027-05-03"))
                .body("markdown", containsString("Big risk"))
                .extract()
                .path("id");

        JsonNode event = await().atMost(Duration.ofSeconds(30))
                .until(() -> published(StatusReportPublished.TYPE, project), found -> !found.isEmpty())
                .get(0);
        assertThat(event.get("reportId").asText()).isEqualTo(report);
        assertThat(event.get("rag").asText()).isEqualTo("RED");
        assertThat(event.get("openRisks").asInt()).isEqualTo(1);
        assertThat(event.get("escalatedRisks").asInt()).isEqualTo(1);
        assertThat(event.get("overdueActionItems").asInt()).isEqualTo(0);
        assertThat(event.get("reportDate").asText()).isEqualTo("2027-05-03");
        as("middle-office").get(base + "/status-reports").then().body("items.id", contains(report));
    }
}
