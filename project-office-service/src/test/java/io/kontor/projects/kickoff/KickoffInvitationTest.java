package io.kontor.projects.kickoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

class KickoffInvitationTest {

    private static final UUID PROJECT = UUID.fromString("7b0c7a52-1d6a-4a59-9a0e-3f6f1c1f2a01");
    private static final Instant START = Instant.parse("2026-12-03T09:00:00Z");

    @Test
    void the_invitation_parses_as_a_valid_meeting_request_with_organizer_and_attendees() throws Exception {
        Calendar calendar = parse(invitation(0, START).toIcs());
        VEvent meeting = calendar.<VEvent>getComponents().get(0);

        assertThat(calendar.validate().hasErrors()).isFalse();
        assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue())
                .isEqualTo("REQUEST");
        assertThat(meeting.getProperty(Property.ORGANIZER).orElseThrow().getValue())
                .isEqualTo("mailto:pm@kontor.example");
        assertThat(meeting.<Property>getProperties(Property.ATTENDEE))
                .extracting(Property::getValue)
                .containsExactly("mailto:anna@kontor.example", "mailto:ben@customer.example");
        assertThat(meeting.getProperty(Property.DTSTART).orElseThrow().getValue())
                .isEqualTo("20261203T090000Z");
        assertThat(meeting.getProperty(Property.DURATION).orElseThrow().getValue())
                .isEqualTo("PT1H30M");
        assertThat(meeting.getProperty(Property.DESCRIPTION).orElseThrow().getValue())
                .contains("1. Goals")
                .contains("2. Team");
    }

    @Test
    void a_reschedule_keeps_the_uid_and_raises_the_sequence() throws Exception {
        VEvent first =
                parse(invitation(0, START).toIcs()).<VEvent>getComponents().get(0);
        VEvent moved = parse(invitation(1, START.plusSeconds(86_400)).toIcs())
                .<VEvent>getComponents()
                .get(0);

        assertThat(moved.getProperty(Property.UID).orElseThrow().getValue())
                .isEqualTo(first.getProperty(Property.UID).orElseThrow().getValue())
                .isEqualTo("kickoff-" + PROJECT + "@kontor");
        assertThat(first.getProperty(Property.SEQUENCE).orElseThrow().getValue())
                .isEqualTo("0");
        assertThat(moved.getProperty(Property.SEQUENCE).orElseThrow().getValue())
                .isEqualTo("1");
    }

    @Test
    void the_same_revision_reads_the_same_every_time() {
        assertThat(invitation(2, START).toIcs()).isEqualTo(invitation(2, START).toIcs());
    }

    private static KickoffInvitation invitation(int sequence, Instant start) {
        return new KickoffInvitation(
                PROJECT,
                "Intranet relaunch",
                "pm@kontor.example",
                start,
                90,
                List.of("anna@kontor.example", "ben@customer.example"),
                List.of("Goals", "Team"),
                sequence,
                Instant.parse("2026-11-20T08:00:00Z"));
    }

    private static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }
}
