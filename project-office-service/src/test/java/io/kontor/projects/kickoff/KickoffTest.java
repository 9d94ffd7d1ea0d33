package io.kontor.projects.kickoff;

import static io.kontor.projects.ProjectsApi.PROJECTS;
import static io.kontor.projects.ProjectsApi.as;
import static io.kontor.projects.ProjectsApi.newProject;
import static io.kontor.projects.ProjectsApi.published;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import io.kontor.platform.events.projects.KickoffScheduled;
import io.quarkus.test.junit.QuarkusTest;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

@QuarkusTest
class KickoffTest {

    private static final String PLAN = """
            {"scheduledAt":"%s","durationMinutes":60,
             "participants":["pm@kontor.example","anna@kontor.example","ben@customer.example"],
             "agenda":["Goals","Team","Next steps"]}""";

    @Test
    void scheduling_and_rescheduling_keep_one_uid_and_raise_the_sequence_in_the_invitation_and_the_events()
            throws Exception {
        String id = newProject("Kick-off project");

        as("project-office")
                .body(PLAN.formatted("2026-12-03T09:00:00Z"))
                .post(PROJECTS + "/" + id + "/kickoff")
                .then()
                .statusCode(200)
                .body("status", equalTo("SCHEDULED"))
                .body("sequence", equalTo(0));
        VEvent first = meetingIn(id);
        // Sending the same plan again (a retry) is not a revision.
        as("project-office")
                .body(PLAN.formatted("2026-12-03T09:00:00Z"))
                .post(PROJECTS + "/" + id + "/kickoff")
                .then()
                .statusCode(200)
                .body("sequence", equalTo(0));
        as("project-office")
                .body(PLAN.formatted("2026-12-04T13:00:00Z"))
                .post(PROJECTS + "/" + id + "/kickoff")
                .then()
                .statusCode(200)
                .body("sequence", equalTo(1));
        VEvent moved = meetingIn(id);

        as("middle-office").get(PROJECTS + "/" + id).then().body("kickoffStatus", equalTo("SCHEDULED"));
        assertThat(moved.getProperty(Property.UID).orElseThrow().getValue())
                .isEqualTo(first.getProperty(Property.UID).orElseThrow().getValue());
        assertThat(first.getProperty(Property.SEQUENCE).orElseThrow().getValue())
                .isEqualTo("0");
        assertThat(moved.getProperty(Property.SEQUENCE).orElseThrow().getValue())
                .isEqualTo("1");
        assertThat(moved.getProperty(Property.DTSTART).orElseThrow().getValue()).isEqualTo("20261204T130000Z");
        assertThat(moved.getProperty(Property.ORGANIZER).orElseThrow().getValue())
                .isEqualTo("mailto:pm@kontor.example");
        assertThat(moved.<Property>getProperties(Property.ATTENDEE))
                .extracting(Property::getValue)
                .containsExactly(
                        "mailto:pm@kontor.example", "mailto:anna@kontor.example", "mailto:ben@customer.example");

        List<JsonNode> events = await().atMost(Duration.ofSeconds(30))
                .until(() -> published(KickoffScheduled.TYPE, id), found -> found.size() >= 2);
        assertThat(events).extracting(e -> e.get("sequence").asInt()).containsExactly(0, 1);
        assertThat(events.get(1).get("scheduledAt").asText()).isEqualTo("2026-12-04T13:00:00Z");
        assertThat(events.get(1).get("participants")).hasSize(3);
    }

    @Test
    void a_project_without_a_scheduled_kickoff_has_no_invitation_yet() {
        String id = newProject("Unscheduled");

        as("project-office")
                .get(PROJECTS + "/" + id + "/kickoff")
                .then()
                .statusCode(200)
                .body("status", equalTo("PROPOSED"));
        as("project-office")
                .get(PROJECTS + "/" + id + "/kickoff.ics")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void an_invalid_participant_email_is_a_400_problem_naming_the_field_and_schedules_nothing() {
        String id = newProject("Bad invitation");

        as("project-office")
                .body("""
                        {"scheduledAt":"2026-12-03T09:00:00Z","durationMinutes":60,"participants":["not-an-email"],"agenda":[]}""")
                .post(PROJECTS + "/" + id + "/kickoff")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("participants[0]"));
        as("project-office").get(PROJECTS + "/" + id + "/kickoff").then().body("status", equalTo("PROPOSED"));
    }

    private static VEvent meetingIn(String projectId) throws Exception {
        String ics = as("project-office")
                .get(PROJECTS + "/" + projectId + "/kickoff.ics")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/calendar"))
                .extract()
                .asString();
        return new CalendarBuilder()
                .build(new StringReader(ics))
                .<VEvent>getComponents()
                .get(0);
    }
}
