package io.kontor.projects.milestone;

import io.kontor.platform.problem.ConflictProblem;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Entity
public class Milestone extends PanacheEntityBase {

    public enum Status {
        PLANNED,
        COMPLETED
    }

    @Id
    public UUID id;

    public UUID projectId;
    public String name;
    public LocalDate dueDate;
    /** What accounting bills when the offer is billed by milestones; null for a milestone that bills nothing. */
    public BigDecimal amount;

    @Enumerated(EnumType.STRING)
    public Status status;

    public LocalDate completedOn;
    public Instant createdAt;

    void complete(LocalDate today) {
        if (status == Status.COMPLETED) {
            // Completing twice would bill twice.
            throw new ConflictProblem("milestone " + id + " was already completed on " + completedOn);
        }
        status = Status.COMPLETED;
        completedOn = today;
    }

    public static List<Milestone> ofProject(UUID projectId) {
        return list("projectId = ?1 order by dueDate, createdAt", projectId);
    }
}
