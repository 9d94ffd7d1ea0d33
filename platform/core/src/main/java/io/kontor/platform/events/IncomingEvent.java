package io.kontor.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * A CloudEvent as it arrived from Kafka, before its data is trusted. Handlers dispatch on {@link #type()} and read the
 * payload with {@link #data(Class)}; a record that is not a well-formed CloudEvent still becomes an
 * {@code IncomingEvent} so that it can be routed to the dead-letter topic instead of stopping the consumer.
 */
public record IncomingEvent(
        String topic,
        int partition,
        long offset,
        String key,
        Map<String, String> headers,
        String payload,
        ObjectMapper json) {

    public static IncomingEvent of(ConsumerRecord<?, ?> record, ObjectMapper json) {
        return of(
                record.topic(),
                record.partition(),
                record.offset(),
                record.key(),
                record.headers(),
                record.value(),
                json);
    }

    public static IncomingEvent of(
            String topic,
            int partition,
            long offset,
            Object key,
            Headers kafkaHeaders,
            Object value,
            ObjectMapper json) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : kafkaHeaders) {
            if (header.value() != null) {
                headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        String payload = value instanceof byte[] bytes
                ? new String(bytes, StandardCharsets.UTF_8)
                : value == null ? null : value.toString();
        return new IncomingEvent(
                topic, partition, offset, key == null ? null : key.toString(), Map.copyOf(headers), payload, json);
    }

    public String id() {
        return headers.get(CloudEventHeaders.ID);
    }

    public String type() {
        return headers.get(CloudEventHeaders.TYPE);
    }

    public String subject() {
        return headers.get(CloudEventHeaders.SUBJECT);
    }

    public String source() {
        return headers.get(CloudEventHeaders.SOURCE);
    }

    public String correlationId() {
        return headers.get(CloudEventHeaders.CORRELATION_ID);
    }

    public OffsetDateTime time() {
        String time = headers.get(CloudEventHeaders.TIME);
        return time == null ? null : OffsetDateTime.parse(time);
    }

    public boolean is(Class<? extends DomainEvent> eventClass) {
        return DomainEvent.typeOf(eventClass).value().equals(type());
    }

    /** Why this record cannot be handled at all, or null when it is a well-formed CloudEvent. */
    public String malformation() {
        if (!"1.0".equals(headers.get(CloudEventHeaders.SPEC_VERSION))) {
            return "not a CloudEvents 1.0 record: ce_specversion is " + headers.get(CloudEventHeaders.SPEC_VERSION);
        }
        if (id() == null || id().isBlank()) {
            return "ce_id is missing";
        }
        if (type() == null || type().isBlank()) {
            return "ce_type is missing";
        }
        return null;
    }

    /** The data as the payload record of this event's type; throws when the JSON does not fit it. */
    public <T extends DomainEvent> T data(Class<T> eventClass) {
        if (!is(eventClass)) {
            throw new IllegalArgumentException("event " + id() + " is " + type() + ", not "
                    + DomainEvent.typeOf(eventClass).value());
        }
        try {
            return json.readValue(payload, eventClass);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "data of event " + id() + " does not fit " + eventClass.getSimpleName() + ": "
                            + e.getOriginalMessage(),
                    e);
        }
    }

    @Override
    public String toString() {
        return "IncomingEvent[" + type() + " id=" + id() + " key=" + key + " at " + topic + "/" + partition + "@"
                + offset + "]";
    }
}
