package io.kontor.hr.employee;

import static io.kontor.hr.HrApi.ADDRESS;
import static io.kontor.hr.HrApi.applicationAt;
import static io.kontor.hr.HrApi.as;
import static io.kontor.hr.HrApi.awaitEvents;
import static io.kontor.hr.HrApi.json;
import static io.kontor.hr.HrApi.openPosition;
import static io.kontor.hr.HrApi.permanentContract;
import static io.kontor.hr.HrApi.uniqueTaxId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.kontor.platform.events.hr.CandidateHired;
import io.kontor.platform.events.hr.EmployeeOnboarded;
import io.kontor.platform.events.projects.StaffingRequested;
import io.kontor.testing.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HireTest {

    @Inject
    TestEvents events;

    @Test
    void hiring_creates_the_employee_and_a_draft_contract() {
        String opening = openPosition("Backend-Entwicklerin");
        String application = applicationAt(opening, "Sophie", "Becker", "OFFER");

        JsonPath hired = json(as("hr").body(permanentContract("2027-04-01"))
                .post("/applications/" + application + "/hire")
                .then()
                .statusCode(201)
                .extract()
                .asString());

        String employeeId = hired.getString("employee.id");
        assertThat(hired.getString("contract.status")).isEqualTo("DRAFT");
        assertThat(hired.getString("contract.contractType")).isEqualTo("PERMANENT");
        assertThat(hired.<BigDecimal>get("contract.annualSalary")).isEqualByComparingTo("58000.00");
        as("hr").get("/employees/" + employeeId)
                .then()
                .statusCode(200)
                .body("lastName", equalTo("Becker"))
                .body("jobTitle", equalTo("Backend-Entwicklerin"))
                .body("startDate", equalTo("2027-04-01"))
                .body("contracts.id", equalTo(List.of(hired.getString("contract.id"))));
        as("hr").get("/applications/" + application).then().body("stage", equalTo("HIRED"));
        as("hr").queryParam("size", 500)
                .get("/employees")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(employeeId));
    }

    @Test
    void a_hire_for_a_staffing_request_names_it_and_onboards_the_employee() {
        StaffingRequested request = new StaffingRequested(
                UUID.randomUUID(), UUID.randomUUID(), "Kafka-Spezialist", List.of("Kafka"), LocalDate.of(2027, 5, 1));
        events.send("project-office-service", request);
        String opening = await().atMost(Duration.ofSeconds(30))
                .until(() -> openingFor(request.staffingRequestId()), id -> id != null);
        // The opening is drafted from the request; candidates apply once hr has published it.
        as("hr").post("/job-openings/" + opening + "/publish").then().statusCode(200);
        String application = applicationAt(opening, "Karl", "Kafka", "OFFER");

        String employeeId = as("hr").body(permanentContract("2027-05-01"))
                .post("/applications/" + application + "/hire")
                .then()
                .statusCode(201)
                .extract()
                .path("employee.id");

        JsonPath hired = json(awaitEvents("hr.applications", application, CandidateHired.TYPE)
                .get(0)
                .value());
        assertThat(hired.getString("staffingRequestId"))
                .isEqualTo(request.staffingRequestId().toString());
        assertThat(hired.getString("employeeId")).isEqualTo(employeeId);
        JsonPath onboarded = json(awaitEvents("hr.employees", employeeId, EmployeeOnboarded.TYPE)
                .get(0)
                .value());
        assertThat(onboarded.prettify()).contains("Kafka-Spezialist").contains("2027-05-01");
    }

    @Test
    void an_explicit_staffing_request_id_wins() {
        String application = applicationAt(openPosition("Tester"), "Tina", "Test", "OFFER");
        UUID staffingRequestId = UUID.randomUUID();

        as("hr").body("""
                {"startDate": "2027-06-01", "contractType": "FIXED_TERM", "endDate": "2028-05-31", "annualSalary": 48000,
                 "weeklyHours": 30, "probationMonths": 3, "staffingRequestId": "%s", "taxId": "%s", %s}
                """.formatted(staffingRequestId, uniqueTaxId(), ADDRESS))
                .post("/applications/" + application + "/hire")
                .then()
                .statusCode(201);

        assertThat(awaitEvents("hr.applications", application, CandidateHired.TYPE)
                        .get(0)
                        .value())
                .contains(staffingRequestId.toString());
    }

    @Test
    void a_fixed_term_beyond_two_years_without_a_reason_is_a_400_and_hires_nobody() {
        String application = applicationAt(openPosition("Werkstudent"), "Udo", "Unbefristet", "OFFER");
        long employees = employeeCount();

        as("hr").body("""
                {"startDate": "2027-03-01", "contractType": "FIXED_TERM", "endDate": "2029-03-01", "annualSalary": 30000,
                 "weeklyHours": 20, "probationMonths": 6, "birthDate": "1999-01-01", %s}
                """.formatted(ADDRESS))
                .post("/applications/" + application + "/hire")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("endDate")));
        as("hr").body("""
                {"startDate": "2027-03-01", "contractType": "PERMANENT", "annualSalary": 0, "weeklyHours": 0, "probationMonths": 7,
                 "taxId": "12345678901", %s}
                """.formatted(ADDRESS))
                .post("/applications/" + application + "/hire")
                .then()
                .statusCode(400)
                .body("violations.field", equalTo(List.of("annualSalary", "weeklyHours", "probationMonths")));
        as("hr").body("{\"contractType\": \"PERMANENT\"}")
                .post("/applications/" + application + "/hire")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("startDate"));

        as("hr").get("/applications/" + application).then().body("stage", equalTo("OFFER"));
        assertThat(employeeCount()).isEqualTo(employees);
    }

    /** §1 MiLoG: 24,000 EUR for 40 hours a week is 11.53 EUR an hour, below every rate since 2022-10-01. */
    @Test
    void a_salary_under_the_minimum_wage_is_a_400_naming_annualSalary_and_hires_nobody() {
        String application = applicationAt(openPosition("Lagerhelfer"), "Mia", "Mindestlohn", "OFFER");
        long employees = employeeCount();

        as("hr").body(permanentContract("2027-04-01").replace("58000.00", "24000"))
                .post("/applications/" + application + "/hire")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("annualSalary")))
                .body("detail", containsString("§1 MiLoG"));

        as("hr").get("/applications/" + application).then().body("stage", equalTo("OFFER"));
        assertThat(employeeCount()).isEqualTo(employees);
    }

    @Test
    void only_an_application_with_an_offer_can_be_hired_and_only_once() {
        String opening = openPosition("Teamleitung");
        String interviewing = applicationAt(opening, "Vera", "Vorher", "INTERVIEW");
        String offered = applicationAt(opening, "Willi", "Wunsch", "OFFER");

        as("hr").body(permanentContract("2027-04-01"))
                .post("/applications/" + interviewing + "/hire")
                .then()
                .statusCode(409);
        as("hr").body(permanentContract("2027-04-01"))
                .post("/applications/" + offered + "/hire")
                .then()
                .statusCode(201);
        as("hr").body(permanentContract("2027-04-01"))
                .post("/applications/" + offered + "/hire")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void only_hr_hires_and_the_careers_site_sees_no_employees() {
        String application = applicationAt(openPosition("Assistenz"), "Xaver", "Xander", "OFFER");

        as("front-office")
                .body(permanentContract("2027-04-01"))
                .post("/applications/" + application + "/hire")
                .then()
                .statusCode(403);
        as("front-office").get("/employees").then().statusCode(403).contentType("application/problem+json");
    }

    private static String openingFor(UUID staffingRequestId) {
        List<Map<String, Object>> openings = as("hr").queryParam("size", 500)
                .get("/job-openings")
                .then()
                .extract()
                .jsonPath()
                .getList("items");
        String id = openings.stream()
                .filter(o -> staffingRequestId.toString().equals(o.get("staffingRequestId")))
                .map(o -> (String) o.get("id"))
                .findFirst()
                .orElse(null);
        return id;
    }

    private static long employeeCount() {
        return ((Number) as("hr").get("/employees")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("total"))
                .longValue();
    }
}
