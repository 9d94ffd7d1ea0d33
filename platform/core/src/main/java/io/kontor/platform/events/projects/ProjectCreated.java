package io.kontor.platform.events.projects;

import io.kontor.platform.events.DomainEvent;
import io.kontor.platform.events.EventType;
import java.time.LocalDate;
import java.util.UUID;

/** A project was opened, by hand or from an accepted offer. */
@EventType(value = ProjectCreated.TYPE, topic = ProjectCreated.TOPIC)
public record ProjectCreated(
        UUID projectId, String name, UUID customerId, UUID offerId, String managerEmail, LocalDate startDate)
        implements DomainEvent {

    public static final String TYPE = "kontor.projects.project-created.v1";
    public static final String TOPIC = "projects.projects";

    @Override
    public String aggregateId() {
        return projectId.toString();
    }
}
