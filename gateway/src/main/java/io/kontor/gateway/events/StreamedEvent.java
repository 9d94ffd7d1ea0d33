package io.kontor.gateway.events;

/**
 * A domain event as the live stream passes it on: the CloudEvents attributes from the Kafka headers and the JSON data
 * as it was published (never re-encoded, so no field is lost).
 */
public record StreamedEvent(String id, String type, String source, String subject, String time, String data) {

    /** {@code sales} of {@code kontor.sales.offer-sent.v1}; null for a type outside the Kontor scheme. */
    public String domain() {
        String[] parts = type.split("\\.");
        return parts.length == 4 && parts[0].equals("kontor") ? parts[1] : null;
    }
}
