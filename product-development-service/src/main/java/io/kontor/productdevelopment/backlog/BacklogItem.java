package io.kontor.productdevelopment.backlog;

import io.kontor.platform.problem.ConflictProblem;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Entity
public class BacklogItem extends PanacheEntityBase {

    public enum Kind {
        EPIC,
        STORY,
        TASK,
        BUG
    }

    public enum Status {
        OPEN,
        IN_PROGRESS,
        DONE
    }

    @Id
    public UUID id;

    public UUID backlogId;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    public String title;
    public String description;
    /** Its place in the backlog ({@link Rank}). */
    public String rank;

    public BigDecimal estimate;
    public UUID iterationId;
    /** The project milestone it is delivered with (project-office's id). */
    public UUID milestoneId;

    @Enumerated(EnumType.STRING)
    public Status status;

    public Instant createdAt;
    public Instant completedAt;

    void start() {
        if (status != Status.OPEN) {
            throw new ConflictProblem("item " + id + " is " + status + "; only an OPEN item is started");
        }
        status = Status.IN_PROGRESS;
    }

    void complete(Instant now) {
        if (status != Status.IN_PROGRESS) {
            throw new ConflictProblem("item " + id + " is " + status + "; only an item IN_PROGRESS is completed");
        }
        status = Status.DONE;
        completedAt = now;
    }

    public static List<BacklogItem> ordered(UUID backlogId) {
        return list("backlogId = ?1 order by rank", backlogId);
    }
}
