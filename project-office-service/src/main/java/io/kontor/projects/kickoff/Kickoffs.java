package io.kontor.projects.kickoff;

import io.kontor.platform.events.projects.KickoffScheduled;
import io.kontor.platform.mail.MailDelivery;
import io.kontor.platform.mail.MailOutbox;
import io.kontor.platform.mail.MailRequest;
import io.kontor.platform.outbox.Outbox;
import io.kontor.platform.persistence.Found;
import io.kontor.projects.project.Project;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Schedules and reschedules kick-off meetings; every real change is announced with its SEQUENCE. */
@ApplicationScoped
public class Kickoffs {

    static final String KICKOFF_DOCUMENT = "kickoff";

    @Inject
    MailOutbox mail;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Transactional
    public Kickoff schedule(
            UUID projectId, Instant scheduledAt, int durationMinutes, List<String> participants, List<String> agenda) {
        Project project = Found.byId(Project.class, projectId, "project");
        Kickoff kickoff = Kickoff.findById(projectId);
        List<String> invitedBefore = kickoff == null ? List.of() : List.copyOf(kickoff.participants);
        boolean changed;
        if (kickoff == null) {
            kickoff = new Kickoff();
            kickoff.projectId = projectId;
            kickoff.sequence = -1; // revise() counts up: the first invitation is SEQUENCE 0
            changed = kickoff.revise(scheduledAt, durationMinutes, participants, agenda, Instant.now(clock));
            kickoff.persist();
        } else {
            changed = kickoff.revise(scheduledAt, durationMinutes, participants, agenda, Instant.now(clock));
        }
        project.kickoffStatus = Project.KickoffStatus.SCHEDULED;
        if (changed) {
            outbox.publish(new KickoffScheduled(
                    projectId, scheduledAt, durationMinutes, kickoff.participants, kickoff.sequence));
            invite(project, kickoff, invitedBefore);
        }
        return kickoff;
    }

    /**
     * iMIP (RFC 6047): every participant gets the meeting request (text/calendar; method=REQUEST) with the same UID and
     * the new SEQUENCE, so a calendar updates the meeting it has; a participant removed from the list gets a
     * METHOD:CANCEL. Stored in this transaction (MailOutbox), so the invitations go out exactly when the plan changed.
     */
    private void invite(Project project, Kickoff kickoff, List<String> invitedBefore) {
        KickoffInvitation invitation = KickoffInvitation.of(kickoff, project.name, project.managerEmail);
        String when = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm")
                .withZone(ZoneId.of("Europe/Berlin"))
                .format(kickoff.scheduledAt);
        for (String participant : kickoff.participants) {
            mail.send(MailRequest.forDocument(KICKOFF_DOCUMENT, project.id)
                    .to(participant)
                    .template("kickoff", Locale.GERMAN)
                    .data("projectName", project.name)
                    .data("when", when)
                    .data("minutes", kickoff.durationMinutes)
                    .attach(
                            "einladung.ics",
                            "text/calendar; method=REQUEST; charset=UTF-8",
                            invitation.toIcs().getBytes(StandardCharsets.UTF_8))
                    .requestedBy("project-office-service")
                    .build());
        }
        for (String removed : invitedBefore) {
            if (kickoff.participants.contains(removed)) {
                continue;
            }
            KickoffInvitation cancellation = new KickoffInvitation(
                    project.id,
                    project.name,
                    project.managerEmail,
                    kickoff.scheduledAt,
                    kickoff.durationMinutes,
                    List.of(removed),
                    kickoff.agenda,
                    kickoff.sequence,
                    kickoff.updatedAt);
            mail.send(MailRequest.forDocument(KICKOFF_DOCUMENT, project.id)
                    .to(removed)
                    .template("kickoff-cancel", Locale.GERMAN)
                    .data("projectName", project.name)
                    .attach(
                            "absage.ics",
                            "text/calendar; method=CANCEL; charset=UTF-8",
                            cancellation.toCancelIcs().getBytes(StandardCharsets.UTF_8))
                    .requestedBy("project-office-service")
                    .build());
        }
    }

    /** The invitations and cancellations mailed for a project's kick-off, oldest first. */
    public List<MailDelivery> deliveries(UUID projectId) {
        return mail.deliveries(KICKOFF_DOCUMENT, projectId.toString());
    }
}
