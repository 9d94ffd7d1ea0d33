package io.kontor.hr.application;

import io.kontor.hr.HrConfig;
import io.kontor.hr.opening.JobOpening;
import io.kontor.platform.events.hr.ApplicationReceived;
import io.kontor.platform.events.hr.CandidateRejected;
import io.kontor.platform.mail.MailDelivery;
import io.kontor.platform.mail.MailLocale;
import io.kontor.platform.mail.MailOutbox;
import io.kontor.platform.mail.MailRequest;
import io.kontor.platform.outbox.Outbox;
import io.kontor.platform.persistence.Found;
import io.kontor.platform.problem.ConflictProblem;
import io.kontor.platform.problem.InvalidFieldProblem;
import io.kontor.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** The selection pipeline: applications come in, move through the stages and collect interview scores. */
@ApplicationScoped
public class Applications {

    static final String APPLICATION_DOCUMENT = "application";

    @Inject
    MailOutbox mail;

    @Inject
    RejectionLetter rejectionLetter;

    @Inject
    BusinessCalendar calendar;

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    @Inject
    HrConfig config;

    /**
     * What the careers site is told: the same for a first application and for a repeated one, so that the answer is no
     * oracle on who applied where (GDPR Art. 5(1)(f)). A repeated one stores nothing and gets an id that names nothing.
     */
    public record Receipt(UUID id, UUID jobOpeningId, Stage stage, Instant receivedAt) {}

    @Transactional
    public Receipt submit(
            UUID jobOpeningId,
            String firstName,
            String lastName,
            String email,
            String coverLetter,
            boolean talentPoolConsent) {
        // Locking the opening serialises its applications, so "once per candidate" holds under concurrent submits too.
        JobOpening opening = JobOpening.findById(jobOpeningId, LockModeType.PESSIMISTIC_WRITE);
        if (opening == null) {
            throw new InvalidFieldProblem("jobOpeningId", "there is no job opening " + jobOpeningId);
        }
        // A draft is not advertised yet and a closed one no longer: only a published opening takes applications.
        if (opening.status != JobOpening.Status.PUBLISHED) {
            throw new ConflictProblem("job opening " + jobOpeningId + " takes no applications");
        }
        Instant now = Instant.now(clock);
        if (Application.count("jobOpeningId = ?1 and lower(email) = lower(?2)", jobOpeningId, email) > 0) {
            return new Receipt(UUID.randomUUID(), jobOpeningId, Stage.RECEIVED, now);
        }
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
        application.talentPoolConsentAt = talentPoolConsent ? now : null;
        application.persist();
        outbox.publish(new ApplicationReceived(application.id, jobOpeningId, now));
        return new Receipt(application.id, jobOpeningId, application.stage, now);
    }

    @Transactional
    public Application advance(UUID applicationId, Stage target) {
        Application application = Found.lockedById(Application.class, applicationId, "application");
        Instant now = Instant.now(clock);
        application.advanceTo(target, now);
        if (target == Stage.REJECTED) {
            rejected(application, now);
        }
        return application;
    }

    /**
     * Rejects every application of an opening still in the race, each with a letter dated today: the opening is closed,
     * and a candidate left waiting never learns that the two months to claim (§15(4) AGG) have begun.
     *
     * @return how many were rejected
     */
    @Transactional
    public int rejectAllOpen(UUID jobOpeningId) {
        Instant now = Instant.now(clock);
        List<Application> open = Application.list(
                "jobOpeningId = ?1 and stage in ?2",
                jobOpeningId,
                List.of(Stage.RECEIVED, Stage.SCREENING, Stage.INTERVIEW, Stage.OFFER));
        for (Application application : open) {
            application.advanceTo(Stage.REJECTED, now);
            rejected(application, now);
        }
        return open.size();
    }

    /** Art. 7(3) GDPR: as easy to withdraw as to give; the usual retention applies from then on. */
    @Transactional
    public Application withdrawTalentPoolConsent(UUID applicationId) {
        Application application = Found.lockedById(Application.class, applicationId, "application");
        if (application.inTalentPool()) {
            application.talentPoolConsentWithdrawnAt = Instant.now(clock);
        }
        return application;
    }

    private void rejected(Application application, Instant now) {
        // Kontor writes the letter the day of the rejection, and sends it that day by mail (its delivery record is the
        // proof of the day, §15(4) AGG); its date starts the clock.
        application.rejectionSentOn = LocalDate.ofInstant(now, calendar.zone());
        mail.sendIfAddressed(true, application.email, "rejection of application " + application.id, address -> {
            JobOpening opening = JobOpening.findById(application.jobOpeningId);
            return MailRequest.forDocument(APPLICATION_DOCUMENT, application.id)
                    .to(address)
                    .template("rejection", Locale.GERMAN)
                    .data("candidateName", application.candidateName())
                    .data("jobTitle", opening == null ? "" : opening.title)
                    .data("date", MailLocale.date(application.rejectionSentOn, Locale.GERMAN))
                    .attach("absage-" + application.id + ".pdf", "application/pdf", rejectionLetter.print(application))
                    .requestedBy("hr-service")
                    .build();
        });
        outbox.publish(new CandidateRejected(application.id, application.jobOpeningId));
    }

    /** The mails sent to the candidate of an application (the rejection letter), oldest first. */
    public List<MailDelivery> deliveries(UUID applicationId) {
        Found.byId(Application.class, applicationId, "application");
        return mail.deliveries(APPLICATION_DOCUMENT, applicationId.toString());
    }

    @Transactional
    public Interview recordInterview(
            UUID applicationId, String interviewer, Map<String, Integer> scores, String notes) {
        Application application = Found.lockedById(Application.class, applicationId, "application");
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
