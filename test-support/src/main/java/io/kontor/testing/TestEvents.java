package io.kontor.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kontor.platform.events.CloudEventHeaders;
import io.kontor.platform.events.DomainEvent;
import io.kontor.platform.events.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Plays another service in a test: puts its domain events on Kafka as CloudEvents in binary mode, exactly as that
 * service's outbox relay would (same topic, key, headers and JSON), so the consumer under test sees the real thing.
 */
@ApplicationScoped
public class TestEvents {

    @Inject
    ObjectMapper json;

    /** Sends {@code event} as if {@code producerService} had published it now; returns its new ce_id. */
    public String send(String producerService, DomainEvent event) {
        return send(producerService, event, UUID.randomUUID().toString(), Instant.now());
    }

    /** Sends {@code event} with a chosen ce_id and time, e.g. to deliver the same event twice. */
    public String send(String producerService, DomainEvent event, String eventId, Instant time) {
        EventType type = DomainEvent.typeOf(event.getClass());
        TestKafka.send(
                type.topic(),
                event.aggregateId(),
                toJson(event),
                headers(producerService, type.value(), eventId, event.aggregateId(), time));
        return eventId;
    }

    public static Map<String, String> headers(
            String producerService, String type, String eventId, String subject, Instant time) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CloudEventHeaders.SPEC_VERSION, "1.0");
        headers.put(CloudEventHeaders.ID, eventId);
        headers.put(CloudEventHeaders.TYPE, type);
        headers.put(CloudEventHeaders.SOURCE, "/kontor/" + producerService);
        headers.put(CloudEventHeaders.SUBJECT, subject);
        headers.put(CloudEventHeaders.TIME, time.toString());
        headers.put(CloudEventHeaders.CONTENT_TYPE, "application/json");
        return headers;
    }

    public String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value + " as JSON", e);
        }
    }
}
