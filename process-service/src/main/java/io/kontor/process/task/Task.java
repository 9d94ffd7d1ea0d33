package io.kontor.process.task;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** A human step for a role: an approval (four eyes) or another hand-over, with a due time and escalation. */
@Entity
public class Task extends PanacheEntityBase {

    /** An act waiting for a second person: approved or rejected in the inbox. */
    public static final String APPROVAL = "APPROVAL";
    /** Another human step (issue #20): done in the acting service, closed by its event. */
    public static final String STEP = "STEP";

    public static final String OPEN = "OPEN";
    public static final String DONE = "DONE";
    public static final String APPROVED = "APPROVED";
    public static final String REJECTED = "REJECTED";

    @Id
    public UUID id;

    public String kind;
    public String act;
    public UUID approvalId;
    public String subjectId;
    public String title;
    public String assigneeRole;
    public String requestedBy;
    public String link;
    public String status;
    public Instant createdAt;
    public Instant dueAt;
    public Instant escalatedAt;
    public String decidedBy;
    public Instant decidedAt;
    public String comment;
}
