package io.kontor.hr.application;

import io.kontor.hr.opening.JobOpening;
import io.kontor.platform.events.hr.ApplicationReceived;
import io.kontor.platform.events.hr.CandidateRejected;
import io.kontor.platform.outbox.Outbox;
import io.kontor.platform.problem.ConflictProblem;
import io.kontor.platform.problem.InvalidFieldProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** The selection pipeline: applications come in, move through the stages and collect interview scores. */
@ApplicationScoped
public class Applications {

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    @Transactional
    public Application submit(UUID jobOpeningId, String firstName, String lastName, String email, String coverLetter) {
        // Locking the opening serialises its applications, so "once per candidate" holds under concurrent submits too.
        JobOpening opening = JobOpening.findById(jobOpeningId, LockModeType.PESSIMISTIC_WRITE);
        if (opening == null) {
            throw new InvalidFieldProblem("jobOpeningId", "there is no job opening " + jobOpeningId);
        }
        if (opening.status == JobOpening.Status.CLOSED) {
            throw new ConflictProblem("job opening " + jobOpeningId + " is CLOSED and takes no more applications");
        }
        if (Application.count("jobOpeningId = ?1 and lower(email) = lower(?2)", jobOpeningId, email) > 0) {
            throw new ConflictProblem("this candidate has already applied to job opening " + jobOpeningId);
        }
        Instant now = Instant.now(clock);
        Application application = new Application();
        application.id = UUID.randomUUID();
        application.jobOpeningId = jobOpeningId;
        application.firstName = firstName.strip();
        application.lastName = lastName.strip();
        application.email = email.strip();
        application.coverLetter = coverLetter;
        application.stage = Stage.RECEIVED;
        application.receivedAt = now;
        application.stageChangedAt = now;
        application.persist();
        outbox.publish(new ApplicationReceived(application.id, jobOpeningId, now));
        return application;
    }

    @Transactional
    public Application advance(UUID applicationId, Stage target) {
        Application application = Application.getForUpdate(applicationId);
        application.advanceTo(target, Instant.now(clock));
        if (target == Stage.REJECTED) {
            outbox.publish(new CandidateRejected(application.id, application.jobOpeningId));
        }
        return application;
    }

    @Transactional
    public Interview recordInterview(
            UUID applicationId, String interviewer, Map<String, Integer> scores, String notes) {
        Application application = Application.getForUpdate(applicationId);
        if (application.stage != Stage.INTERVIEW) {
            throw new ConflictProblem("application " + applicationId + " is " + application.stage
                    + "; interviews are recorded in the INTERVIEW stage");
        }
        Interview interview = new Interview();
        interview.id = UUID.randomUUID();
        interview.applicationId = applicationId;
        interview.interviewer = interviewer.strip();
        interview.scores = Map.copyOf(scores);
        interview.notes = notes;
        interview.heldAt = Instant.now(clock);
        interview.persist();
        return interview;
    }
}
