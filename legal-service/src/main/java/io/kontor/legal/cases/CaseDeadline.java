package io.kontor.legal.cases;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A deadline (Frist) of a matter: due on a day, reminded of from {@code remindOn}, done once handled. */
@Entity
@Table(name = "case_deadline")
public class CaseDeadline extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID caseId;
    public String title;
    public LocalDate dueOn;
    /** The rule it rests on, e.g. "§4 KSchG". */
    public String basis;

    public LocalDate remindOn;
    public Instant remindedAt;
    public LocalDate doneOn;
    public String doneBy;
    public Instant createdAt;

    public boolean isOpen() {
        return doneOn == null;
    }
}
