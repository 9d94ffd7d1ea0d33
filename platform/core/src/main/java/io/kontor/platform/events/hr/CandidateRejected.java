package io.kontor.platform.events.hr;

import io.kontor.platform.events.DomainEvent;
import io.kontor.platform.events.EventType;
import java.util.UUID;

/** An application was rejected. */
@EventType(value = CandidateRejected.TYPE, topic = CandidateRejected.TOPIC)
public record CandidateRejected(UUID applicationId, UUID jobOpeningId) implements DomainEvent {

    public static final String TYPE = "kontor.hr.candidate-rejected.v1";
    public static final String TOPIC = "hr.applications";

    @Override
    public String aggregateId() {
        return applicationId.toString();
    }
}
