package io.kontor.sales.followup;

import io.kontor.platform.problem.ConflictProblem;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A call sales owes a customer by a due date; planned by itself from acceptances and accounting's reports. */
@Entity
@Table(name = "follow_up")
public class FollowUp extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public UUID customerId;

    public UUID offerId;
    /** The invoice an after-sale check or a reopening is about, if any. */
    public UUID invoiceId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    public FollowUpKind kind;
    /** What to talk about, in words for the person making the call. */
    @Column(nullable = false, length = 500)
    public String reason;

    @Column(nullable = false)
    public LocalDate dueOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public FollowUpStatus status;
    /** What came of the call. */
    @Column(length = 2000)
    public String note;

    @Column(nullable = false)
    public Instant createdAt;

    public Instant completedAt;

    public Instant reopenedAt;

    static FollowUp plan(
            UUID customerId,
            UUID offerId,
            UUID invoiceId,
            FollowUpKind kind,
            String reason,
            LocalDate dueOn,
            Instant now) {
        FollowUp followUp = new FollowUp();
        followUp.id = UUID.randomUUID();
        followUp.customerId = customerId;
        followUp.offerId = offerId;
        followUp.invoiceId = invoiceId;
        followUp.kind = kind;
        followUp.reason = reason;
        followUp.dueOn = dueOn;
        followUp.status = FollowUpStatus.OPEN;
        followUp.createdAt = now;
        return followUp;
    }

    void complete(String outcome, Instant now) {
        if (status != FollowUpStatus.OPEN) {
            throw new ConflictProblem(
                    "follow-up " + id + " was completed on " + completedAt + " and cannot be completed again");
        }
        status = FollowUpStatus.DONE;
        note = outcome;
        completedAt = now;
    }

    /**
     * Something happened that needs another call: the follow-up is open again, due today at the latest. The note of the
     * earlier call stays, as the background for the next one.
     */
    void reopen(String why, LocalDate today, Instant now) {
        status = FollowUpStatus.OPEN;
        reason = why;
        if (dueOn.isAfter(today) || completedAt != null) {
            dueOn = today;
        }
        completedAt = null;
        reopenedAt = now;
    }
}
