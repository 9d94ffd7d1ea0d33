package io.kontor.projects.kickoff;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;

/**
 * The kick-off as an RFC 5545 meeting request (METHOD:REQUEST, RFC 5546 iTIP), written by ical4j. The UID is derived
 * from the project, and SEQUENCE counts revisions, so a calendar that got an earlier invitation updates that meeting
 * instead of adding a second one (RFC 5545 §3.8.4.7, §3.8.7.4).
 */
public record KickoffInvitation(
        UUID projectId,
        String projectName,
        String organizerEmail,
        Instant start,
        int durationMinutes,
        List<String> participants,
        List<String> agenda,
        int sequence,
        Instant stamp) {

    public static final String MEDIA_TYPE = "text/calendar";

    public static KickoffInvitation of(Kickoff kickoff, String projectName, String managerEmail) {
        return new KickoffInvitation(
                kickoff.projectId,
                projectName,
                managerEmail,
                kickoff.scheduledAt,
                kickoff.durationMinutes,
                kickoff.participants,
                kickoff.agenda,
                kickoff.sequence,
                kickoff.updatedAt);
    }

    /** Stable for the life of the project: a reschedule is the same meeting with a higher SEQUENCE. */
    public static String uidOf(UUID projectId) {
        return "kickoff-" + projectId + "@kontor";
    }

    public String toIcs() {
        return toIcs(false);
    }

    /**
     * The cancellation (METHOD:CANCEL, STATUS:CANCELLED, RFC 5546 §3.2.5) for the attendees of this invitation: sent to
     * those removed from the meeting, with the meeting's UID and the current SEQUENCE.
     */
    public String toCancelIcs() {
        return toIcs(true);
    }

    private String toIcs(boolean cancel) {
        VEvent meeting = new VEvent(start, Duration.ofMinutes(durationMinutes), "Kick-off: " + projectName);
        // DTSTAMP is when this revision was made, not when it was downloaded: the same revision reads the same twice.
        meeting.replace(new DtStamp(stamp));
        meeting.add(new Uid(uidOf(projectId)));
        meeting.add(new Sequence(sequence));
        meeting.add(cancel ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        meeting.add(new Organizer(mailto(organizerEmail)));
        for (String participant : participants) {
            meeting.add(new Attendee(mailto(participant))
                    .add(Role.REQ_PARTICIPANT)
                    .add(PartStat.NEEDS_ACTION)
                    .add(Rsvp.TRUE)
                    .add(new Cn(participant)));
        }
        if (!agenda.isEmpty()) {
            meeting.add(new Description("Agenda:\n"
                    + IntStream.range(0, agenda.size())
                            .mapToObj(i -> (i + 1) + ". " + agenda.get(i))
                            .collect(Collectors.joining("\n"))));
        }
        Calendar calendar = new Calendar()
                .add(new ProdId("-//Kontor//Project office//EN"))
                .add(ImmutableVersion.VERSION_2_0)
                .add(ImmutableCalScale.GREGORIAN)
                .add(cancel ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST);
        calendar.add(meeting);
        StringWriter ics = new StringWriter();
        try {
            new CalendarOutputter().output(calendar, ics);
        } catch (IOException | ValidationException e) {
            throw new IllegalStateException(
                    "kick-off invitation of project " + projectId + " is not valid iCalendar", e);
        }
        return ics.toString();
    }

    private static URI mailto(String email) {
        return URI.create("mailto:" + email);
    }
}
