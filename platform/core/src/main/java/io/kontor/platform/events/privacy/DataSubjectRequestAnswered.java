package io.kontor.platform.events.privacy;

import io.kontor.platform.events.DomainEvent;
import io.kontor.platform.events.EventType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One service's answer to a data-subject request (kontor.legal.data-subject-request-opened.v1): what it holds about the
 * person ({@code records}, a structured export; for an erasure what is left after it) and, for an erasure, what it
 * erased, restricted or kept ({@code actions}). {@code found} is false when the service holds nothing about the person:
 * that is an answer too, and legal needs it to know the request is complete. Every service answers on this one topic,
 * keyed by the request, so legal reads all answers of a request in order from one place (docs/DECISIONS.md). Published
 * by the platform's {@code io.kontor.platform.privacy} consumer, never by a service's own code.
 */
@EventType(value = DataSubjectRequestAnswered.TYPE, topic = DataSubjectRequestAnswered.TOPIC)
public record DataSubjectRequestAnswered(
        UUID requestId,
        String kind,
        String service,
        boolean found,
        List<PersonalRecords> records,
        List<ErasureAction> actions,
        Instant answeredAt)
        implements DomainEvent {

    public static final String TYPE = "kontor.privacy.data-subject-request-answered.v1";
    public static final String TOPIC = "privacy.answers";

    @Override
    public String aggregateId() {
        return requestId.toString();
    }
}
