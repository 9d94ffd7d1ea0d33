package io.kontor.hr.application;

import io.kontor.platform.problem.ConflictProblem;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Entity
public class Application extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID jobOpeningId;
    // The candidate's personal data: null once erased.
    public String firstName;
    public String lastName;
    public String email;
    public String coverLetter;

    @Enumerated(EnumType.STRING)
    public Stage stage;

    public Instant receivedAt;
    public Instant stageChangedAt;
    public Instant rejectedAt;
    public Instant erasedAt;
    public Instant withdrawnAt;
    /** The date of the rejection letter, the day it went out: from it run the two months of §15(4) AGG. */
    public LocalDate rejectionSentOn;
    /** Consent to be kept in the talent pool for later openings (Art. 6(1)(a) GDPR); null without one. */
    public Instant talentPoolConsentAt;

    public Instant talentPoolConsentWithdrawnAt;

    /** Moves the application along the pipeline; HIRED only through {@code hire}, which also writes the contract. */
    public void advanceTo(Stage target, Instant now) {
        if (target == Stage.HIRED) {
            throw new ConflictProblem("application " + id + " is hired with POST /applications/" + id
                    + "/hire, which also writes the employment contract");
        }
        moveTo(target, now);
    }

    public void hire(Instant now) {
        moveTo(Stage.HIRED, now);
    }

    private void moveTo(Stage target, Instant now) {
        if (!stage.canMoveTo(target)) {
            throw new ConflictProblem("application " + id + " is " + stage + " and cannot move to " + target
                    + (stage.isOpen() ? "; next is " + stage.next() + " or REJECTED" : ""));
        }
        stage = target;
        stageChangedAt = now;
        if (target == Stage.REJECTED) {
            rejectedAt = now;
        }
        if (target == Stage.WITHDRAWN) {
            withdrawnAt = now;
        }
    }

    /** Whether the candidate has consented to the talent pool and not withdrawn it. */
    public boolean inTalentPool() {
        return talentPoolConsentAt != null && talentPoolConsentWithdrawnAt == null;
    }

    public boolean isErased() {
        return erasedAt != null;
    }

    public String candidateName() {
        return isErased() ? null : firstName + " " + lastName;
    }

    /**
     * Erases the candidate's personal data (GDPR Art. 17) and keeps what statistics need: opening, stage, dates,
     * scores.
     */
    public void erase(Instant now) {
        firstName = null;
        lastName = null;
        email = null;
        coverLetter = null;
        if (erasedAt == null) {
            erasedAt = now;
        }
    }
}
