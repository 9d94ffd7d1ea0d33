package io.kontor.projects.project;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.kontor.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProjectResourceTest {

    private static final String PROJECTS = "/api/v1/projects";

    @Test
    void a_project_opened_by_hand_can_be_read_back() {
        String id = as("project-office")
                .body(
                        "{\"name\":\"Intranet relaunch\",\"managerEmail\":\"pm@kontor.example\",\"startDate\":\"2026-12-01\"}")
                .post(PROJECTS)
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        as("middle-office")
                .get(PROJECTS + "/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo("Intranet relaunch"))
                .body("kickoffStatus", equalTo("PROPOSED"));
    }

    @Test
    void an_empty_name_and_an_invalid_email_are_400_problems_naming_the_fields() {
        as("project-office")
                .body("{\"name\":\"\",\"managerEmail\":\"not-an-email\",\"startDate\":\"2026-12-01\"}")
                .post(PROJECTS)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("name"))
                .body("violations.field", hasItem("managerEmail"));
    }

    @Test
    void a_malformed_date_is_a_400_problem_naming_the_field() {
        as("project-office")
                .body("{\"name\":\"X\",\"managerEmail\":\"pm@kontor.example\",\"startDate\":\"tomorrow\"}")
                .post(PROJECTS)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("startDate"));
    }

    @Test
    void an_unknown_project_is_a_404_problem() {
        as("project-office")
                .get(PROJECTS + "/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void without_a_token_or_with_another_domain_role_access_is_refused() {
        given().get(PROJECTS).then().statusCode(401).contentType("application/problem+json");
        as("hr").get(PROJECTS).then().statusCode(403).contentType("application/problem+json");
    }

    private static RequestSpecification as(String role) {
        return given().header("Authorization", TestTokens.bearer(role)).contentType(ContentType.JSON);
    }
}
