package io.kontor.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.kontor.platform.web.StrictJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The wire format of every event, pinned by one golden sample per {@link EventType} in
 * {@code src/test/resources/events/<type>.json}: the CloudEvents headers as {@code Outbox.publish} writes them and the
 * data as the application's ObjectMapper writes the record. Producer and consumer compile against the same record, so
 * renaming a field, changing its type or its date or number format would pass the compiler and break every event
 * already on a topic; here it fails. A change that should pass is a new {@code .v2} record with its own sample
 * (EVENTS.md).
 */
class GoldenEventSamplesTest {

    private static final Path SAMPLES = samplesDirectory();

    /** The {@code ObjectMapper} Quarkus produces for a service: its default configuration, then {@link StrictJson}. */
    private static final ObjectMapper APPLICATION_JSON = quarkusObjectMapper();

    /** Reads the samples as trees without losing a number's scale: {@code 80.00} stays distinct from {@code 80}. */
    private static final ObjectMapper EXACT_TREES = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    /** The headers {@code Outbox.publish} sets on every event (the correlation id when the request had one). */
    private static final List<String> OUTBOX_HEADERS = List.of(
            CloudEventHeaders.SPEC_VERSION,
            CloudEventHeaders.ID,
            CloudEventHeaders.TYPE,
            CloudEventHeaders.SOURCE,
            CloudEventHeaders.TIME,
            CloudEventHeaders.SUBJECT,
            CloudEventHeaders.CONTENT_TYPE,
            CloudEventHeaders.CORRELATION_ID);

    static Stream<String> samples() {
        return sampleTypes().stream();
    }

    @Test
    void every_event_type_has_a_sample_and_every_sample_an_event_type() {
        assertThat(eventRecords()).as("@EventType records found").hasSizeGreaterThan(20);
        assertThat(sampleTypes())
                .as("golden samples in %s, one <ce_type>.json per @EventType record", SAMPLES)
                .containsExactlyInAnyOrderElementsOf(eventRecords().keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void a_consumer_reads_every_field_of_the_sample(String type) {
        Class<? extends DomainEvent> record = recordOf(type);
        IncomingEvent event = incoming(type);

        assertThat(event.malformation()).isNull();
        assertThat(event.is(record)).isTrue();
        DomainEvent data = event.data(record);

        assertEveryFieldRead(data, sample(type).get("data"), type);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void a_producer_writes_exactly_the_sample_data(String type) throws IOException {
        DomainEvent data = incoming(type).data(recordOf(type));

        JsonNode written = EXACT_TREES.readTree(APPLICATION_JSON.writeValueAsString(data));

        assertThat(written)
                .as("%s as the ObjectMapper writes it (field names, nesting, number scale, dates)", type)
                .isEqualTo(sample(type).get("data"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void the_headers_are_those_the_outbox_writes_for_the_record(String type) {
        Class<? extends DomainEvent> record = recordOf(type);
        Map<String, String> headers = headers(type);
        EventType eventType = DomainEvent.typeOf(record);

        assertThat(headers.keySet()).containsExactlyInAnyOrderElementsOf(OUTBOX_HEADERS);
        assertThat(headers.get(CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(headers.get(CloudEventHeaders.TYPE))
                .isEqualTo(eventType.value())
                .isEqualTo(type);
        assertThat(UUID.fromString(headers.get(CloudEventHeaders.ID)).toString())
                .isEqualTo(headers.get(CloudEventHeaders.ID));
        assertThat(headers.get(CloudEventHeaders.SOURCE)).matches("/kontor/[a-z]+(-[a-z]+)*-service");
        assertThat(headers.get(CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(headers.get(CloudEventHeaders.CORRELATION_ID)).isNotBlank();
        OffsetDateTime time = OffsetDateTime.parse(headers.get(CloudEventHeaders.TIME));
        assertThat(time.getOffset()).isEqualTo(ZoneOffset.UTC);
        assertThat(time.toString())
                .as("ce_time as the outbox formats it")
                .isEqualTo(headers.get(CloudEventHeaders.TIME));

        DomainEvent data = incoming(type).data(record);
        assertThat(headers.get(CloudEventHeaders.SUBJECT)).isEqualTo(data.aggregateId());
        String domain = type.split("\\.")[1];
        assertThat(eventType.topic()).startsWith(domain + ".");
        assertThat(type).matches("kontor\\.[a-z]+(-[a-z]+)*\\.[a-z]+(-[a-z]+)*\\.v1");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void the_sample_writes_every_decimal_with_two_places(String type) {
        assertTwoDecimalPlaces(sample(type).get("data"), type);
    }

    /**
     * Money, quantities and rates are BigDecimals with scale 2, written as such: {@code 4938.50}, not {@code 4938.5}.
     */
    private static void assertTwoDecimalPlaces(JsonNode json, String path) {
        if (json.isContainerNode()) {
            if (json.isArray()) {
                for (int i = 0; i < json.size(); i++) {
                    assertTwoDecimalPlaces(json.get(i), path + "[" + i + "]");
                }
            } else {
                json.fields().forEachRemaining(f -> assertTwoDecimalPlaces(f.getValue(), path + "." + f.getKey()));
            }
        } else if (json.isNumber() && !json.isIntegralNumber()) {
            assertThat(json.decimalValue().scale())
                    .as("decimal places of %s", path)
                    .isEqualTo(2);
        }
    }

    /**
     * Every field of the record is in the sample with a value, and the consumer got a value for each, down through
     * nested records and lists: a field the JSON names differently than the record arrives as null.
     */
    private static void assertEveryFieldRead(Object value, JsonNode json, String path) {
        if (value instanceof List<?> list) {
            assertThat(list).as(path).hasSize(json.size());
            for (int i = 0; i < list.size(); i++) {
                assertEveryFieldRead(list.get(i), json.get(i), path + "[" + i + "]");
            }
            return;
        }
        if (value == null || !value.getClass().isRecord()) {
            return;
        }
        List<String> components = new ArrayList<>();
        for (RecordComponent component : value.getClass().getRecordComponents()) {
            String field = path + "." + component.getName();
            components.add(component.getName());
            assertThat(json.has(component.getName()))
                    .as("%s is in the sample", field)
                    .isTrue();
            assertThat(json.get(component.getName()).isNull())
                    .as("%s has an example value in the sample", field)
                    .isFalse();
            Object read;
            try {
                read = component.getAccessor().invoke(value);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            assertThat(read).as("%s as the consumer read it", field).isNotNull();
            assertEveryFieldRead(read, json.get(component.getName()), field);
        }
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        assertThat(names).as("fields of %s in the sample", path).containsExactlyInAnyOrderElementsOf(components);
    }

    private static IncomingEvent incoming(String type) {
        RecordHeaders kafkaHeaders = new RecordHeaders();
        headers(type).forEach((name, value) -> kafkaHeaders.add(name, value.getBytes(StandardCharsets.UTF_8)));
        Map<String, String> headers = headers(type);
        String payload;
        try {
            payload = EXACT_TREES.writeValueAsString(sample(type).get("data"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return IncomingEvent.of(
                DomainEvent.typeOf(recordOf(type)).topic(),
                0,
                0L,
                headers.get(CloudEventHeaders.SUBJECT),
                kafkaHeaders,
                payload.getBytes(StandardCharsets.UTF_8),
                APPLICATION_JSON);
    }

    private static Map<String, String> headers(String type) {
        Map<String, String> headers = new TreeMap<>();
        sample(type)
                .get("headers")
                .fields()
                .forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
        return headers;
    }

    private static JsonNode sample(String type) {
        try {
            JsonNode sample =
                    EXACT_TREES.readTree(SAMPLES.resolve(type + ".json").toFile());
            assertThat(sample.has("headers") && sample.has("data"))
                    .as("%s.json has headers and data", type)
                    .isTrue();
            return sample;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Class<? extends DomainEvent> recordOf(String type) {
        Class<? extends DomainEvent> record = eventRecords().get(type);
        assertThat(record).as("the @EventType record of sample %s.json", type).isNotNull();
        return record;
    }

    private static List<String> sampleTypes() {
        try (Stream<Path> files = Files.list(SAMPLES)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".json"))
                    .map(name -> name.substring(0, name.length() - ".json".length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The event catalog: every class under this package annotated {@link EventType}, by its type. */
    @SuppressWarnings("unchecked")
    private static Map<String, Class<? extends DomainEvent>> eventRecords() {
        Path classes = codeSource(DomainEvent.class);
        Path root = classes.resolve(DomainEvent.class.getPackageName().replace('.', '/'));
        try (Stream<Path> files = Files.walk(root)) {
            return files.map(file -> classes.relativize(file).toString())
                    .filter(name -> name.endsWith(".class"))
                    .map(name -> name.substring(0, name.length() - ".class".length())
                            .replace('/', '.')
                            .replace('\\', '.'))
                    .map(GoldenEventSamplesTest::load)
                    .filter(type -> type.isAnnotationPresent(EventType.class))
                    .peek(type -> assertThat(type.isRecord() && DomainEvent.class.isAssignableFrom(type))
                            .as("%s is a record implementing DomainEvent", type.getName())
                            .isTrue())
                    .collect(Collectors.toMap(
                            type -> type.getAnnotation(EventType.class).value(),
                            type -> (Class<? extends DomainEvent>) type,
                            (a, b) -> {
                                throw new AssertionError("two records for one type: " + a + ", " + b);
                            },
                            TreeMap::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, GoldenEventSamplesTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path codeSource(Class<?> type) {
        try {
            return Path.of(
                    type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The samples as checked in, so that a deleted sample is missing at once (its copy in target/test-classes outlives
     * it until a clean build); from the class path when the test does not run in the module directory.
     */
    private static Path samplesDirectory() {
        Path source = Path.of("src", "test", "resources", "events");
        if (Files.isDirectory(source)) {
            return source;
        }
        try {
            return Path.of(GoldenEventSamplesTest.class.getResource("/events").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Quarkus' default ObjectMapper (io.quarkus.jackson.runtime.ConfigurationCustomizer with the default
     * {@code quarkus.jackson.*} settings, which no service changes; the Java time, JDK 8 and parameter-names modules)
     * followed by the customizer every Kontor service gets from platform-core.
     */
    private static ObjectMapper quarkusObjectMapper() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.findAndRegisterModules();
        mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
        new StrictJson().customize(mapper);
        return mapper;
    }
}
