package io.kontor.projects.project;

import static io.kontor.projects.ProjectsApi.PROJECTS;
import static io.kontor.projects.ProjectsApi.as;
import static io.kontor.projects.ProjectsApi.newProject;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A project's risks, milestones, minutes and action items answer one page at a time, at most 200 per page, like every
 * other list (OWASP API4, issue #24): a project with years of minutes is not one answer.
 */
@QuarkusTest
class ProjectListsPagingTest {

    String base;

    @BeforeEach
    void aProjectWithThreeOfEach() {
        base = PROJECTS + "/" + newProject("Paged project");
        for (int i = 1; i <= 3; i++) {
            as("project-office")
                    .body("{\"title\":\"Risk %d\",\"probability\":1,\"impact\":1,\"owner\":\"pm@kontor.example\"}"
                            .formatted(i))
                    .post(base + "/risks")
                    .then()
                    .statusCode(201);
            as("project-office")
                    .body("{\"name\":\"Milestone %d\",\"dueDate\":\"2027-01-1%d\"}".formatted(i, i))
                    .post(base + "/milestones")
                    .then()
                    .statusCode(201);
            as("project-office")
                    .body("""
                            {"meetingDate":"2026-11-0%d","attendees":["Anna"],"decisions":["Decision %d"],
                             "actionItems":[{"description":"Item %d","owner":"Anna","dueDate":"2027-04-01"}]}""".formatted(i, i, i))
                    .post(base + "/minutes")
                    .then()
                    .statusCode(201);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/risks", "/milestones", "/minutes", "/action-items"})
    void a_list_answers_the_page_asked_for_with_the_total(String list) {
        as("project-office")
                .queryParam("page", 1)
                .queryParam("size", 2)
                .get(base + list)
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("page", equalTo(1))
                .body("size", equalTo(2))
                .body("total", equalTo(3));
        as("project-office").get(base + list).then().statusCode(200).body("size", equalTo(50));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/risks", "/milestones", "/minutes", "/action-items"})
    void a_page_larger_than_200_is_a_400(String list) {
        as("project-office")
                .queryParam("size", 201)
                .get(base + list)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }
}
