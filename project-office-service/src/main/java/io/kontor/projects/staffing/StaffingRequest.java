package io.kontor.projects.staffing;

import io.kontor.platform.persistence.StringListJson;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Entity
public class StaffingRequest extends PanacheEntityBase {

    public enum Status {
        OPEN,
        FILLED
    }

    @Id
    public UUID id;

    public UUID projectId;
    public String role;

    @Convert(converter = StringListJson.class)
    @Column(columnDefinition = "text")
    public List<String> skills;

    public LocalDate startDate;

    @Enumerated(EnumType.STRING)
    public Status status;
    /** The hire that filled it, as hr named it in candidate-hired. */
    public UUID employeeId;

    public Instant filledAt;
    public Instant createdAt;

    /** Returns whether this hire filled the request; a request is filled once, by the first hire that names it. */
    boolean fillWith(UUID employeeId, Instant at) {
        if (status == Status.FILLED) {
            return false;
        }
        status = Status.FILLED;
        this.employeeId = employeeId;
        filledAt = at;
        return true;
    }

    public static List<StaffingRequest> ofProject(UUID projectId) {
        return list("projectId = ?1 order by createdAt, id", projectId);
    }
}
