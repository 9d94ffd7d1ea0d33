package io.kontor.hr.opening;

import io.kontor.platform.persistence.StringListJson;
import io.kontor.platform.problem.ConflictProblem;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Entity
public class JobOpening extends PanacheEntityBase {

    public enum Status {
        DRAFT,
        PUBLISHED,
        CLOSED
    }

    @Id
    public UUID id;

    public String title;
    public String department;
    public String location;
    public String description;

    @Convert(converter = StringListJson.class)
    @Column(columnDefinition = "text")
    public List<String> requirements;

    @Enumerated(EnumType.STRING)
    public Status status;
    /** Set when the opening was drafted for a project's staffing request: at most one opening per request. */
    public UUID staffingRequestId;

    public UUID projectId;
    public Instant createdAt;

    public void publish() {
        if (status != Status.DRAFT) {
            throw new ConflictProblem("job opening " + id + " is " + status + "; only a DRAFT can be published");
        }
        status = Status.PUBLISHED;
    }

    public void close() {
        if (status == Status.CLOSED) {
            throw new ConflictProblem("job opening " + id + " is already CLOSED");
        }
        status = Status.CLOSED;
    }

    public static JobOpening findByStaffingRequest(UUID staffingRequestId) {
        return find("staffingRequestId", staffingRequestId).firstResult();
    }
}
