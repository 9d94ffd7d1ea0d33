package io.kontor.projects.minutes;

import io.kontor.platform.problem.ConflictProblem;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Something a meeting asked someone to do by a date. */
@Entity
public class ActionItem extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID minutesId;
    public UUID projectId;
    public int position;
    public String description;
    public String owner;
    public LocalDate dueDate;
    public LocalDate completedOn;

    public boolean done() {
        return completedOn != null;
    }

    /** Overdue: still open after its due date (an item due today is not late yet). */
    public boolean overdueOn(LocalDate today) {
        return !done() && dueDate.isBefore(today);
    }

    void complete(LocalDate today) {
        if (done()) {
            throw new ConflictProblem("action item " + id + " was already completed on " + completedOn);
        }
        completedOn = today;
    }

    public static List<ActionItem> ofMinutes(UUID minutesId) {
        return list("minutesId = ?1 order by position", minutesId);
    }

    public static List<ActionItem> ofProject(UUID projectId) {
        return list("projectId = ?1 order by dueDate, position, id", projectId);
    }
}
