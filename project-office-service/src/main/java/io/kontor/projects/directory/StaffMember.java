package io.kontor.projects.directory;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An employee as hr announced them when onboarded and when leaving: the project office's staff directory (a read
 * replica).
 */
@Entity
public class StaffMember extends PanacheEntityBase {

    @Id
    public UUID employeeId;

    public String firstName;
    public String lastName;
    public String email;
    public String jobTitle;
    public String department;
    public LocalDate startDate;
    /** The last day of the employment, once hr has announced one. */
    public LocalDate leavingDate;

    /** The day hr erased the person (Art. 17 GDPR); from then on the row is only the id. */
    public LocalDate erasedOn;

    /** What the project office writes where an erased person's name stood. */
    public static final String FORMER_EMPLOYEE = "ehemalige Mitarbeiterin/ehemaliger Mitarbeiter";

    public boolean isErased() {
        return erasedOn != null;
    }

    public String fullName() {
        return isErased() ? FORMER_EMPLOYEE : firstName + " " + lastName;
    }
}
