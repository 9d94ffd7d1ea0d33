package io.kontor.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The staffing flow of EVENTS.md, only through the gateway: a project asks for staff, hr drafts a job opening for the
 * role, a candidate applies, is interviewed and hired with a contract, and project-office sees its request filled.
 */
class StaffingFlowTest extends SystemTest {

    private static final Duration EVENT_DELIVERY = Duration.ofSeconds(60);

    @Test
    void a_staffing_request_is_filled_by_a_hire_in_hr() {
        String projectId = asAdmin()
                .body("""
                        {"name": "ERP migration", "managerEmail": "pm@kontor.example", "startDate": "2027-02-01"}
                        """)
                .post("/api/v1/projects")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String staffingRequestId = asAdmin()
                .body("""
                        {"role": "Java developer", "skills": ["Quarkus", "Kafka"], "startDate": "2027-03-01"}
                        """)
                .post("/api/v1/projects/{id}/staffing-requests", projectId)
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        Map<String, Object> opening = await("hr's job opening for staffing request " + staffingRequestId)
                .atMost(EVENT_DELIVERY)
                .until(() -> openingsFor(staffingRequestId), found -> found.size() == 1)
                .get(0);
        assertThat(opening.get("status")).isEqualTo("DRAFT");
        assertThat(opening.get("title")).isEqualTo("Java developer");
        String openingId = (String) opening.get("id");
        asAdmin()
                .post("/api/v1/hr/job-openings/{id}/publish", openingId)
                .then()
                .statusCode(200)
                .body("status", equalTo("PUBLISHED"));

        String email = "ada." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String applicationId = asAdmin()
                .body("""
                        {"jobOpeningId": "%s", "candidate": {"firstName": "Ada", "lastName": "Lovelace", "email": "%s"}}
                        """.formatted(openingId, email))
                .post("/api/v1/hr/applications")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        advance(applicationId, "SCREENING");
        advance(applicationId, "INTERVIEW");
        asAdmin()
                .body("""
                        {"interviewer": "Grace Hopper", "scores": {"expertise": 5, "communication": 4}, "notes": "strong"}
                        """)
                .post("/api/v1/hr/applications/{id}/interviews", applicationId)
                .then()
                .statusCode(201);
        asAdmin().get("/api/v1/hr/job-openings/{id}/ranking", openingId).then().statusCode(200);
        advance(applicationId, "OFFER");

        Map<String, Object> hired = asAdmin()
                .body("""
                        {"startDate": "2027-03-01", "contractType": "PERMANENT", "annualSalary": 72000.00,
                         "weeklyHours": 40, "probationMonths": 6, "birthDate": "1990-12-10",
                         "employeeAddress": {"street": "Hafenstraße 7", "postalCode": "20459", "city": "Hamburg", "country": "DE"}}
                        """)
                .post("/api/v1/hr/applications/{id}/hire", applicationId)
                .then()
                .statusCode(201)
                .extract()
                .path("");
        String employeeId = (String) ((Map<?, ?>) hired.get("employee")).get("id");
        String contractId = (String) ((Map<?, ?>) hired.get("contract")).get("id");
        asAdmin().post("/api/v1/hr/contracts/{id}/sign", contractId).then().statusCode(200);

        await("staffing request " + staffingRequestId + " filled")
                .atMost(EVENT_DELIVERY)
                .untilAsserted(() -> {
                    List<Map<String, Object>> requests = asAdmin()
                            .get("/api/v1/projects/{id}/staffing-requests", projectId)
                            .then()
                            .statusCode(200)
                            .extract()
                            .path("items");
                    assertThat(requests).singleElement().satisfies(request -> {
                        assertThat(request.get("id")).isEqualTo(staffingRequestId);
                        assertThat(request.get("status")).isEqualTo("FILLED");
                        assertThat(request.get("employeeId")).isEqualTo(employeeId);
                    });
                });
    }

    private static void advance(String applicationId, String stage) {
        asAdmin()
                .body("{\"stage\": \"" + stage + "\"}")
                .post("/api/v1/hr/applications/{id}/advance", applicationId)
                .then()
                .statusCode(200)
                .body("stage", equalTo(stage));
    }

    private static List<Map<String, Object>> openingsFor(String staffingRequestId) {
        List<Map<String, Object>> openings = asAdmin()
                .queryParam("size", 200)
                .get("/api/v1/hr/job-openings")
                .then()
                .statusCode(200)
                .extract()
                .path("items");
        return openings.stream()
                .filter(o -> staffingRequestId.equals(o.get("staffingRequestId")))
                .toList();
    }
}
