package io.kontor.platform.events.projects;

import io.kontor.platform.events.DomainEvent;
import io.kontor.platform.events.EventType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The kick-off meeting got a date; sequence grows with every reschedule (RFC 5545 SEQUENCE). */
@EventType(value = KickoffScheduled.TYPE, topic = KickoffScheduled.TOPIC)
public record KickoffScheduled(
        UUID projectId, Instant scheduledAt, int durationMinutes, List<String> participants, int sequence)
        implements DomainEvent {

    public static final String TYPE = "kontor.projects.kickoff-scheduled.v1";
    public static final String TOPIC = "projects.projects";

    @Override
    public String aggregateId() {
        return projectId.toString();
    }
}
