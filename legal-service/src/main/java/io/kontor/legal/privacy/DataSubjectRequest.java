package io.kontor.legal.privacy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A person's request under GDPR Art. 15 (access), 16 (rectification) or 17 (erasure), with its deadline. */
@Entity
@Table(name = "data_subject_request")
public class DataSubjectRequest extends PanacheEntityBase {

    public enum Kind {
        ACCESS,
        RECTIFICATION,
        ERASURE
    }

    public enum Status {
        OPEN,
        /** A clerk's answer waits for a second person of legal (four eyes, {@link PrivacyAnswerApproval}). */
        PENDING_APPROVAL,
        ANSWERED
    }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    public String subjectName;
    public String email;
    public String customerNumber;
    public String employeeNumber;
    public UUID applicationId;
    public String details;
    public LocalDate receivedOn;
    public LocalDate deadline;

    @Enumerated(EnumType.STRING)
    public Status status;

    public String answer;
    public String answeredBy;
    public Instant answeredAt;
    public String registeredBy;
    public Instant registeredAt;
    /** When the last of the answering services answered (the bundle is complete), or null. */
    public Instant completeAt;

    /**
     * Art. 12 (3) GDPR: one month from receipt. Regulation 1182/71 Art. 3 (2) (c): the period ends on the same date of
     * the next month, or on its last day when that month has no such date (31 January → 28/29 February).
     */
    public static LocalDate deadline(LocalDate receivedOn) {
        return receivedOn.plusMonths(1);
    }
}
