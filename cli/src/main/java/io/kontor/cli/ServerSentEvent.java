package io.kontor.cli;

import java.util.Optional;

/**
 * One event of a text/event-stream: its {@code event} name, {@code id} and {@code data} (HTML Living Standard, 9.2).
 */
public record ServerSentEvent(String event, String id, String data) {

    /** Collects lines until the blank line that ends an event; comments (": keep-alive") are skipped. */
    static final class Parser {
        private String event;
        private String id;
        private StringBuilder data;

        Optional<ServerSentEvent> line(String line) {
            if (line.isEmpty()) {
                Optional<ServerSentEvent> complete = data == null
                        ? Optional.empty()
                        : Optional.of(new ServerSentEvent(event == null ? "message" : event, id, data.toString()));
                event = null;
                data = null;
                return complete;
            }
            if (line.startsWith(":")) {
                return Optional.empty();
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            switch (field) {
                case "event" -> event = value;
                // The id stays for the following events too, as the last event id of the stream.
                case "id" -> id = value;
                case "data" ->
                    data = data == null
                            ? new StringBuilder(value)
                            : data.append('\n').append(value);
                default -> {
                    // "retry" and unknown fields: nothing to show.
                }
            }
            return Optional.empty();
        }
    }
}
