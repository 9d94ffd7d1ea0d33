package io.kontor.platform.events.projects;

import io.kontor.platform.events.DomainEvent;
import io.kontor.platform.events.EventType;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A project needs staff; hr opens a draft job opening for the role. */
@EventType(value = StaffingRequested.TYPE, topic = StaffingRequested.TOPIC)
public record StaffingRequested(
        UUID projectId, UUID staffingRequestId, String role, List<String> skills, LocalDate startDate)
        implements DomainEvent {

    public static final String TYPE = "kontor.projects.staffing-requested.v1";
    public static final String TOPIC = "projects.projects";

    @Override
    public String aggregateId() {
        return projectId.toString();
    }
}
