package io.kontor.platform.events.hr;

import io.kontor.platform.events.DomainEvent;
import io.kontor.platform.events.EventType;
import java.time.Instant;
import java.util.UUID;

/** A candidate applied. Carries no personal data: no consumer needs it (GDPR data minimisation). */
@EventType(value = ApplicationReceived.TYPE, topic = ApplicationReceived.TOPIC)
public record ApplicationReceived(UUID applicationId, UUID jobOpeningId, Instant receivedAt) implements DomainEvent {

    public static final String TYPE = "kontor.hr.application-received.v1";
    public static final String TOPIC = "hr.applications";

    @Override
    public String aggregateId() {
        return applicationId.toString();
    }
}
