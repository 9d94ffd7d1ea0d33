package io.kontor.hr.employee;

import io.kontor.hr.personnel.LeavingReason;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A person employed by us; the record stays when the application it came from is erased (§26 BDSG: needed for the
 * employment).
 */
@Entity
public class Employee extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID applicationId;
    public String firstName;
    public String lastName;
    public String email;
    public String jobTitle;
    public String department;
    public LocalDate startDate;
    public Instant createdAt;

    // The personnel file's sensitive fields, encrypted (PersonalDataCipher); read them through PersonnelFiles.
    public String birthDateSealed;
    public String addressSealed;
    public String taxIdSealed;
    /** Blind indexes of the identity, to find an earlier employment of the same person (§14(2) sentence 2 TzBfG). */
    public String taxIdDigest;

    public String nameBirthDigest;

    public String socialSecurityNumberSealed;
    public String ibanSealed;

    /** The last day of employment; null while nobody has given notice. */
    public LocalDate leavingDate;

    @Enumerated(EnumType.STRING)
    public LeavingReason leavingReason;

    /** Who signed the end of the employment for the employer, and so signs the final reference. */
    public String leavingSignedByName;

    public String leavingSignedByPosition;

    /** For a dismissal by the employer: the day the notice reached the employee (starts the period of §4 KSchG). */
    public LocalDate noticeReceivedOn;

    /**
     * Since when the file is restricted to what the law keeps (Art. 18 GDPR, §35(3) BDSG): the rest was erased, and
     * only admin may read it; see {@link io.kontor.hr.privacy.EmployeeRetention}.
     */
    public Instant restrictedAt;

    /** Since when nothing personal is left: the row is the id and the dates of an anonymous employment. */
    public Instant erasedAt;

    /** When the former employee asked for erasure (Art. 17(1) GDPR), if they did. */
    public Instant erasureRequestedAt;

    public boolean isRestricted() {
        return restrictedAt != null;
    }

    public boolean isErased() {
        return erasedAt != null;
    }

    /** Whether the employment is over on {@code day}: the leaving date is its last day. */
    public boolean hasLeftBy(LocalDate day) {
        return leavingDate != null && leavingDate.isBefore(day);
    }

    public String fullName() {
        return firstName + " " + lastName;
    }
}
