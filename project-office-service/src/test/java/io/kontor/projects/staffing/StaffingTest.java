package io.kontor.projects.staffing;

import static io.kontor.projects.ProjectsApi.PROJECTS;
import static io.kontor.projects.ProjectsApi.as;
import static io.kontor.projects.ProjectsApi.newProject;
import static io.kontor.projects.ProjectsApi.published;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.kontor.platform.events.hr.CandidateHired;
import io.kontor.platform.events.hr.EmployeeOnboarded;
import io.kontor.platform.events.projects.StaffingRequested;
import io.kontor.platform.events.sales.Address;
import io.kontor.platform.events.sales.CustomerRegistered;
import io.kontor.platform.events.sales.CustomerType;
import io.kontor.platform.events.sales.CustomerUpdated;
import io.kontor.testing.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StaffingTest {

    private static final String HR = "hr-service";
    private static final String SALES = "sales-backoffice-service";

    @Inject
    TestEvents events;

    @Test
    void a_staffing_request_is_published_and_filled_by_the_hire_that_names_it() {
        String project = newProject("Needs people");
        String requests = PROJECTS + "/" + project + "/staffing-requests";
        String request = as("project-office")
                .body("""
                        {"role":"Java developer","skills":["Quarkus","Kafka"],"startDate":"2027-02-01"}""")
                .post(requests)
                .then()
                .statusCode(201)
                .body("status", equalTo("OPEN"))
                .extract()
                .path("id");

        JsonNode requested = await().atMost(Duration.ofSeconds(30))
                .until(() -> published(StaffingRequested.TYPE, project), found -> !found.isEmpty())
                .get(0);
        assertThat(requested.get("staffingRequestId").asText()).isEqualTo(request);
        assertThat(requested.get("role").asText()).isEqualTo("Java developer");
        assertThat(requested.get("skills")).extracting(JsonNode::asText).containsExactly("Quarkus", "Kafka");
        assertThat(requested.get("startDate").asText()).isEqualTo("2027-02-01");

        // hr plays its part: another hire first (naming no request), then the hire for ours, and the onboarding.
        UUID employee = UUID.randomUUID();
        events.send(
                HR,
                new CandidateHired(
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        null,
                        "Tester",
                        LocalDate.of(2027, 2, 1)));
        events.send(
                HR,
                new CandidateHired(
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        employee,
                        UUID.fromString(request),
                        "Java developer",
                        LocalDate.of(2027, 2, 1)));
        events.send(
                HR,
                new EmployeeOnboarded(
                        employee,
                        "Erika",
                        "Musterfrau",
                        "erika@kontor.example",
                        "Java developer",
                        "Projects",
                        LocalDate.of(2027, 2, 1)));

        Map<String, Object> filled = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> as("project-office")
                                .get(requests)
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath()
                                .<Map<String, Object>>getList("items")
                                .get(0),
                        item -> "FILLED".equals(item.get("status")) && item.get("filledBy") != null);
        assertThat(filled)
                .containsEntry("employeeId", employee.toString())
                .containsEntry("filledBy", "Erika Musterfrau");
        List<Map<String, Object>> staff = as("project-office")
                .queryParam("size", 500)
                .get(PROJECTS + "/staff")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
        assertThat(staff)
                .anySatisfy(member -> assertThat(member)
                        .containsEntry("employeeId", employee.toString())
                        .containsEntry("email", "erika@kontor.example"));
    }

    @Test
    void a_project_shows_its_customer_by_the_latest_name_sales_announced() {
        UUID customer = UUID.randomUUID();
        Address address = new Address("Hauptstr. 1", "10115", "Berlin", "DE");
        events.send(
                SALES,
                new CustomerRegistered(
                        customer,
                        "K-000777",
                        "Muster GmbH",
                        CustomerType.BUSINESS,
                        "info@muster.example",
                        "DE123456789",
                        14,
                        address));
        String project = newProject("For a customer", customer);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "Muster GmbH"
                        .equals(as("project-office")
                                .get(PROJECTS + "/" + project)
                                .then()
                                .extract()
                                .path("customerName")));

        events.send(
                SALES,
                new CustomerUpdated(
                        customer,
                        "K-000777",
                        "Muster AG",
                        CustomerType.BUSINESS,
                        "info@muster.example",
                        "DE123456789",
                        14,
                        address,
                        false));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> "Muster AG"
                        .equals(as("project-office")
                                .get(PROJECTS + "/" + project)
                                .then()
                                .extract()
                                .path("customerName")));
    }

    @Test
    void a_staffing_request_without_a_role_or_start_date_is_a_400_problem_naming_the_fields() {
        String project = newProject("Vague");
        as("project-office")
                .body("{\"role\":\" \",\"skills\":[\"\"]}")
                .post(PROJECTS + "/" + project + "/staffing-requests")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", org.hamcrest.Matchers.contains("role", "skills[0]", "startDate"));
        as("project-office")
                .get(PROJECTS + "/" + project + "/staffing-requests")
                .then()
                .body("total", equalTo(0));
    }
}
