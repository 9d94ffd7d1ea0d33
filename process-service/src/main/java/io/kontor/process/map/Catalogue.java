package io.kontor.process.map;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Who publishes and who consumes each event type, as the code says it: {@code process-maps/catalogue.properties},
 * generated from the {@code @EventType} records of platform-core and the services' sources ({@code new X(} in main
 * code; {@code @Incoming} channels and their {@code .on(X.class)} routes) and checked against them by ProcessMapTest,
 * which fails when code and map disagree.
 */
public record Catalogue(Map<String, Entry> events) {

    public static final String RESOURCE = "process-maps/catalogue.properties";

    public record Entry(String type, String topic, String producer, List<String> consumers) {}

    public static Catalogue load() {
        Properties properties = new Properties();
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Entry> events = new TreeMap<>();
        properties.stringPropertyNames().forEach(type -> events.put(type, parse(type, properties.getProperty(type))));
        return new Catalogue(events);
    }

    /** {@code topic|producer|consumer,consumer}. */
    static Entry parse(String type, String value) {
        String[] parts = value.split("\\|", -1);
        List<String> consumers = parts[2].isBlank() ? List.of() : Arrays.asList(parts[2].split(","));
        return new Entry(type, parts[0], parts[1], consumers);
    }

    public static String format(Entry entry) {
        return entry.topic() + "|" + entry.producer() + "|" + String.join(",", entry.consumers());
    }

    public Entry of(String type) {
        return events.get(type);
    }

    /** The text of the resource: one line per type, sorted, so that a difference reads as a diff. */
    public String text() {
        Map<String, String> lines = new LinkedHashMap<>();
        events.values().forEach(e -> lines.put(e.type(), format(e)));
        StringBuilder text = new StringBuilder(
                "# Generated from the code by ProcessMapTest (process-service); type=topic|producer|consumers\n");
        lines.forEach((type, line) -> text.append(type).append('=').append(line).append('\n'));
        return text.toString();
    }
}
