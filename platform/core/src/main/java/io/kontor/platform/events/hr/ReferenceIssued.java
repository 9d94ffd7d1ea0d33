package io.kontor.platform.events.hr;

import io.kontor.platform.events.DomainEvent;
import io.kontor.platform.events.EventType;
import java.util.UUID;

/** An interim or final employment reference was issued. */
@EventType(value = ReferenceIssued.TYPE, topic = ReferenceIssued.TOPIC)
public record ReferenceIssued(UUID employeeId, UUID referenceId, String kind, int version) implements DomainEvent {

    public static final String TYPE = "kontor.hr.reference-issued.v1";
    public static final String TOPIC = "hr.employees";

    @Override
    public String aggregateId() {
        return employeeId.toString();
    }
}
