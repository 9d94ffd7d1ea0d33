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

    public String fullName() {
        return firstName + " " + lastName;
    }
}
