package io.kontor.projects.kickoff;

import static io.kontor.projects.ProjectsApi.PROJECTS;
import static io.kontor.projects.ProjectsApi.as;
import static io.kontor.projects.ProjectsApi.newProject;
import static org.assertj.core.api.Assertions.assertThat;

import io.kontor.testing.TestMail;
import io.quarkus.test.junit.QuarkusTest;
import java.io.StringReader;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/**
 * Kick-off invitations by mail as iMIP (RFC 6047): read over IMAP from the real mail server and parsed by ical4j, the
 * participants hold METHOD:REQUEST with the meeting's UID, and one removed from the list gets METHOD:CANCEL.
 */
@QuarkusTest
class KickoffMailTest {

    private static final String PLAN = """
            {"scheduledAt": "%s", "durationMinutes": 60, "participants": [%s], "agenda": ["Ziele"]}""";

    @Test
    void participants_get_imip_requests_and_a_removed_participant_a_cancel() throws Exception {
        String id = newProject("Einladungsprojekt");
        String anna = "anna-" + UUID.randomUUID().toString().substring(0, 8) + "@kunde.example";
        String ben = "ben-" + UUID.randomUUID().toString().substring(0, 8) + "@kunde.example";

        as("project-office")
                .body(PLAN.formatted("2026-12-03T09:00:00Z", "\"" + anna + "\", \"" + ben + "\""))
                .post(PROJECTS + "/" + id + "/kickoff")
                .then()
                .statusCode(200);

        TestMail.Received invitation =
                TestMail.awaitMessage(anna, m -> m.subject().startsWith("Einladung"));
        assertThat(invitation.subject()).isEqualTo("Einladung: Kick-off Einladungsprojekt am 03.12.2026 10:00");
        TestMail.Attachment request = invitation.attachment("einladung.ics");
        assertThat(request.contentType().toLowerCase())
                .startsWith("text/calendar")
                .contains("method=request");
        Calendar requested = new CalendarBuilder().build(new StringReader(request.text()));
        assertThat(requested.getProperty(Property.METHOD).orElseThrow().getValue())
                .isEqualTo("REQUEST");
        VEvent meeting = requested.<VEvent>getComponents().get(0);
        assertThat(meeting.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo("kickoff-" + id + "@kontor");
        assertThat(meeting.<Property>getProperties(Property.ATTENDEE))
                .extracting(Property::getValue)
                .containsExactly("mailto:" + anna, "mailto:" + ben);
        TestMail.awaitMessage(ben, m -> m.subject().startsWith("Einladung"));

        // Ben is no longer invited: he gets the cancellation, Anna the updated request.
        as("project-office")
                .body(PLAN.formatted("2026-12-03T09:00:00Z", "\"" + anna + "\""))
                .post(PROJECTS + "/" + id + "/kickoff")
                .then()
                .statusCode(200);

        TestMail.Received cancelled =
                TestMail.awaitMessage(ben, m -> m.subject().startsWith("Abgesagt"));
        TestMail.Attachment cancel = cancelled.attachment("absage.ics");
        assertThat(cancel.contentType().toLowerCase()).contains("method=cancel");
        Calendar cancellation = new CalendarBuilder().build(new StringReader(cancel.text()));
        assertThat(cancellation.getProperty(Property.METHOD).orElseThrow().getValue())
                .isEqualTo("CANCEL");
        VEvent gone = cancellation.<VEvent>getComponents().get(0);
        assertThat(gone.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo("kickoff-" + id + "@kontor");
        assertThat(gone.getProperty(Property.STATUS).orElseThrow().getValue()).isEqualTo("CANCELLED");
        assertThat(gone.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("1");

        TestMail.Received updated = TestMail.awaitInbox(anna, 2).get(1);
        VEvent revised = new CalendarBuilder()
                .build(new StringReader(updated.attachment("einladung.ics").text()))
                .<VEvent>getComponents()
                .get(0);
        assertThat(revised.getProperty(Property.SEQUENCE).orElseThrow().getValue())
                .isEqualTo("1");

        as("project-office")
                .get(PROJECTS + "/" + id + "/kickoff/deliveries")
                .then()
                .statusCode(200)
                .body("size()", org.hamcrest.Matchers.equalTo(4));
    }
}
