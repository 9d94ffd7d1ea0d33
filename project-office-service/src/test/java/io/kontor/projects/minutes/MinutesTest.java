package io.kontor.projects.minutes;

import static io.kontor.projects.ProjectsApi.PROJECTS;
import static io.kontor.projects.ProjectsApi.as;
import static io.kontor.projects.ProjectsApi.newProject;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.kontor.testing.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MinutesTest {

    @Inject
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void minutes_keep_attendees_decisions_and_action_items_and_open_items_past_their_date_are_overdue() {
        // 10:00 in Berlin on 10 March 2027.
        clock.set(Instant.parse("2027-03-10T09:00:00Z"));
        String project = newProject("Minuted");
        String base = PROJECTS + "/" + project;
        as("project-office")
                .body("""
                        {"meetingDate":"2027-03-01","attendees":["Anna","Ben"],"decisions":["Go with Quarkus"],
                         "actionItems":[{"description":"Order laptops","owner":"Ben","dueDate":"2027-03-05"},
                                        {"description":"Write the plan","owner":"Anna","dueDate":"2027-03-09"},
                                        {"description":"Book the room","owner":"Anna","dueDate":"2027-03-10"}]}""")
                .post(base + "/minutes")
                .then()
                .statusCode(201)
                .body("actionItems.description", contains("Order laptops", "Write the plan", "Book the room"))
                .body("actionItems.overdue", contains(true, true, false));

        String plan = as("project-office")
                .queryParam("overdue", true)
                .get(base + "/action-items")
                .then()
                .statusCode(200)
                .body("items.description", contains("Order laptops", "Write the plan"))
                .extract()
                .path("items[1].id");
        as("project-office")
                .post(base + "/action-items/" + plan + "/complete")
                .then()
                .statusCode(200)
                .body("done", equalTo(true))
                .body("completedOn", equalTo("2027-03-10"))
                .body("overdue", equalTo(false));
        as("project-office")
                .post(base + "/action-items/" + plan + "/complete")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");

        as("project-office")
                .queryParam("overdue", true)
                .get(base + "/action-items")
                .then()
                .body("items.description", contains("Order laptops"));
        as("project-office")
                .queryParam("overdue", "yes")
                .get(base + "/action-items")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("overdue"));
        as("middle-office")
                .get(base + "/minutes")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].attendees", contains("Anna", "Ben"))
                .body("items[0].decisions", contains("Go with Quarkus"))
                .body("items[0].actionItems.done", contains(false, true, false));
    }

    @Test
    void minutes_without_attendees_or_an_action_item_without_owner_are_a_400_problem_naming_the_fields() {
        String project = newProject("Sloppy minutes");
        as("project-office")
                .body("""
                        {"meetingDate":"2027-03-01","attendees":[],"actionItems":[{"description":"Something","dueDate":"2027-03-05"}]}""")
                .post(PROJECTS + "/" + project + "/minutes")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", contains("actionItems[0].owner", "attendees"));
        as("project-office").get(PROJECTS + "/" + project + "/minutes").then().body("total", equalTo(0));
    }
}
