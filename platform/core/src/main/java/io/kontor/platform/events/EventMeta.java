package io.kontor.platform.events;

import java.time.OffsetDateTime;

/**
 * What a handler may need to know about an event besides its data: its CloudEvents id, source and time, the correlation
 * id that traces it back to a request, and where it was read (for log lines and evidence).
 */
public record EventMeta(
        String id,
        String type,
        String source,
        String subject,
        OffsetDateTime time,
        String correlationId,
        String topic,
        int partition,
        long offset) {

    public static EventMeta of(IncomingEvent event) {
        return new EventMeta(
                event.id(),
                event.type(),
                event.source(),
                event.subject(),
                event.time(),
                event.correlationId(),
                event.topic(),
                event.partition(),
                event.offset());
    }

    @Override
    public String toString() {
        return type + " id=" + id + " at " + topic + "/" + partition + "@" + offset;
    }
}
