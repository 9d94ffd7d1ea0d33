package io.kontor.hr.opening;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.kontor.platform.events.projects.StaffingRequested;
import io.kontor.testing.TestEvents;
import io.kontor.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class JobOpeningTest {

    private static final String OPENINGS = "/api/v1/hr/job-openings";

    @Inject
    TestEvents events;

    @Test
    void a_staffing_request_drafts_one_opening_even_when_redelivered() {
        StaffingRequested request = new StaffingRequested(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "Java developer",
                List.of("Quarkus", "Kafka"),
                LocalDate.of(2027, 1, 15));
        String eventId = UUID.randomUUID().toString();
        events.send("project-office-service", request, eventId, Instant.now());
        events.send("project-office-service", request, eventId, Instant.now());
        events.send("project-office-service", request);

        List<Map<String, Object>> drafts = await().atMost(Duration.ofSeconds(30))
                .until(() -> openingsFor(request.staffingRequestId()), found -> !found.isEmpty());
        // A later, unrelated request proves the consumer has moved past all three deliveries.
        StaffingRequested later = new StaffingRequested(
                UUID.randomUUID(), UUID.randomUUID(), "Tester", List.of(), LocalDate.of(2027, 2, 1));
        events.send("project-office-service", later);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !openingsFor(later.staffingRequestId()).isEmpty());

        assertThat(openingsFor(request.staffingRequestId())).hasSize(1);
        assertThat(drafts.get(0)).containsEntry("title", "Java developer").containsEntry("status", "DRAFT");
        assertThat(drafts.get(0).get("requirements")).isEqualTo(List.of("Quarkus", "Kafka"));
    }

    @Test
    void an_opening_is_published_once_and_closed() {
        String id = as("hr").body(
                        "{\"title\":\"Accountant\",\"department\":\"Finance\",\"location\":\"Berlin\",\"requirements\":[\"HGB\"]}")
                .post(OPENINGS)
                .then()
                .statusCode(201)
                .body("status", equalTo("DRAFT"))
                .extract()
                .path("id");

        as("hr").post(OPENINGS + "/" + id + "/publish").then().statusCode(200).body("status", equalTo("PUBLISHED"));
        as("hr").post(OPENINGS + "/" + id + "/publish").then().statusCode(409).contentType("application/problem+json");
        as("hr").post(OPENINGS + "/" + id + "/close").then().statusCode(200).body("status", equalTo("CLOSED"));
        as("hr").post(OPENINGS + "/" + id + "/close").then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void a_missing_title_is_a_400_problem_naming_the_field() {
        as("hr").body("{\"department\":\"Finance\",\"requirements\":[\"\"]}")
                .post(OPENINGS)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("title"))
                .body("violations.field", hasItem("requirements[0]"));
    }

    @Test
    void sales_staff_cannot_see_job_openings() {
        as("sales").get(OPENINGS).then().statusCode(403).contentType("application/problem+json");
        given().get(OPENINGS).then().statusCode(401).contentType("application/problem+json");
    }

    private static List<Map<String, Object>> openingsFor(UUID staffingRequestId) {
        List<Map<String, Object>> all = as("hr").queryParam("size", 500)
                .get(OPENINGS)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
        return all.stream()
                .filter(o -> staffingRequestId.toString().equals(o.get("staffingRequestId")))
                .toList();
    }

    private static RequestSpecification as(String role) {
        return given().header("Authorization", TestTokens.bearer(role)).contentType(ContentType.JSON);
    }
}
