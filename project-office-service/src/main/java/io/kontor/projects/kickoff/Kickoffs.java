package io.kontor.projects.kickoff;

import io.kontor.platform.events.projects.KickoffScheduled;
import io.kontor.platform.outbox.Outbox;
import io.kontor.projects.project.Project;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Schedules and reschedules kick-off meetings; every real change is announced with its SEQUENCE. */
@ApplicationScoped
public class Kickoffs {

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Transactional
    public Kickoff schedule(
            UUID projectId, Instant scheduledAt, int durationMinutes, List<String> participants, List<String> agenda) {
        Project project = Project.require(projectId);
        Kickoff kickoff = Kickoff.findById(projectId);
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
        }
        return kickoff;
    }
}
