package io.kontor.hr.offboarding;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One step of an employee's offboarding checklist, due by a day and done on one. */
@Entity
public class OffboardingTask extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID employeeId;

    @Enumerated(EnumType.STRING)
    public OffboardingStep step;

    public LocalDate dueBy;
    public LocalDate doneOn;

    public static List<OffboardingTask> of(UUID employeeId) {
        return list("employeeId = ?1 order by dueBy, step", employeeId);
    }
}
