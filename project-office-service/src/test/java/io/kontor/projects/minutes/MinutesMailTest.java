package io.kontor.projects.minutes;

import static io.kontor.projects.ProjectsApi.PROJECTS;
import static io.kontor.projects.ProjectsApi.as;
import static io.kontor.projects.ProjectsApi.newProject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.kontor.testing.TestMail;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Minutes mailed to their distribution over the real mail server, with the delivery record of each mail. */
@QuarkusTest
class MinutesMailTest {

    @Test
    void recorded_minutes_reach_each_address_of_the_distribution_with_decisions_and_action_items() {
        String project = newProject("Protokollprojekt");
        String base = PROJECTS + "/" + project;
        String anna = "anna-" + UUID.randomUUID().toString().substring(0, 8) + "@kunde.example";
        String ben = "ben-" + UUID.randomUUID().toString().substring(0, 8) + "@kunde.example";

        String minutesId = as("project-office")
                .body("""
                        {"meetingDate":"2027-03-01","attendees":["Anna","Ben"],"decisions":["Go with Quarkus"],
                         "actionItems":[{"description":"Order laptops","owner":"Ben","dueDate":"2027-03-05"}],
                         "distribution":["%s","%s"]}""".formatted(anna, ben))
                .post(base + "/minutes")
                .then()
                .statusCode(201)
                .body("distribution", contains(anna, ben))
                .extract()
                .path("id");

        TestMail.Received toAnna = TestMail.awaitMessage(anna, m -> m.subject().startsWith("Protokoll"));
        assertThat(toAnna.subject()).isEqualTo("Protokoll: Protokollprojekt, Besprechung vom 01.03.2027");
        assertThat(toAnna.text())
                .contains("Teilnehmende: Anna, Ben")
                .contains("- Go with Quarkus")
                .contains("- Order laptops (verantwortlich: Ben, fällig am 05.03.2027)");
        TestMail.awaitMessage(ben, m -> m.subject().startsWith("Protokoll"));

        as("middle-office")
                .get(base + "/minutes/" + minutesId + "/deliveries")
                .then()
                .statusCode(200)
                .body("$", hasSize(2))
                .body("recipient", contains(anna, ben));
        as("project-office")
                .get(base + "/minutes/" + UUID.randomUUID() + "/deliveries")
                .then()
                .statusCode(404);
    }

    @Test
    void a_distribution_address_that_is_no_e_mail_is_a_400_naming_the_field_and_nothing_is_recorded() {
        String project = newProject("Ungültiger Verteiler");
        String base = PROJECTS + "/" + project;

        as("project-office")
                .body("""
                        {"meetingDate":"2027-03-01","attendees":["Anna"],"distribution":["not an address"]}""")
                .post(base + "/minutes")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("distribution[0]"));
        as("project-office").get(base + "/minutes").then().statusCode(200).body("items", hasSize(0));
    }
}
