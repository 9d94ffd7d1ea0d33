package io.kontor.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.kontor.platform.events.DomainEvent;
import io.kontor.platform.events.EventType;
import io.kontor.platform.events.approvals.ApprovalRequested;
import io.kontor.platform.events.audit.AdminActRecorded;
import io.kontor.platform.events.legal.DataSubjectRequestOpened;
import io.kontor.platform.events.privacy.DataSubjectRequestAnswered;
import io.kontor.platform.events.process.ApprovalDecided;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.jandex.DotName;
import org.jboss.jandex.Index;
import org.jboss.jandex.IndexReader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * docs/EVENTS.md against the code: the catalogue table against the {@code @EventType} records of platform-core (type,
 * topic, key), the services that construct them (producer) and the handlers that dispatch on them (consumers); each
 * event's section against the record's components. A record added, renamed, moved to another topic, or given a field
 * without the catalogue following fails here.
 */
class EventCatalogueTest {

    private static final Path REPO = Manifests.ROOT.resolve("../..").normalize();
    private static final Path CATALOGUE = REPO.resolve("docs/EVENTS.md");

    /** The modules that may produce or consume events; the gateway only reads, for the live stream. */
    private static final List<String> SERVICES = List.of(
            "sales-backoffice-service",
            "accounting-service",
            "hr-service",
            "project-office-service",
            "product-development-service",
            "legal-service",
            "process-service",
            "gateway");

    /** {@code | `kontor.x.y.v1` | `topic` | `key` | producer | consumer, consumer |} */
    private static final Pattern ROW =
            Pattern.compile("^\\| `(kontor\\.[^`]+)` \\| `([^`]+)` \\| `([^`]+)` \\| ([^|]+?) \\| ([^|]+?) \\|$");

    /** {@code | `field` | Type | meaning |} in a section. */
    private static final Pattern FIELD = Pattern.compile("^\\| `(\\w+)` \\| ([^|]+?) \\|.*$");

    /** {@code | `domain.aggregate` | writer | reader, reader |} */
    private static final Pattern TOPIC_ROW =
            Pattern.compile("^\\| `([a-z]+(?:-[a-z]+)*\\.[a-z]+)` \\| ([^|]+?) \\| ([^|]+?) \\|$");

    private static final Pattern INCOMING = Pattern.compile("@Incoming\\(\"([^\"]+)\"\\)");
    /** A handler fed by the service's batch channel: {@code @InboxHandled(topics = "a")} or {@code = {"a", "b"}}. */
    private static final Pattern BATCHED = Pattern.compile("@InboxHandled\\(topics\\s*=\\s*(\\{[^}]*}|\"[^\"]*\")");

    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");
    /** A typed route ({@code .on(InvoicePaid.class, …)} of EventRoutes) or an explicit {@code event.is(X.class)}. */
    private static final Pattern DISPATCH = Pattern.compile("\\.(?:is|on)\\((\\w+)\\.class\\b");

    record Row(String type, String topic, String key, String producer, Set<String> consumers) {}

    @Test
    void the_catalogue_lists_every_event_type_of_the_code_and_no_other() {
        assertThat(rows().keySet())
                .as("types in docs/EVENTS.md's catalogue table vs. @EventType records in platform-core")
                .containsExactlyInAnyOrderElementsOf(eventClasses().keySet());
    }

    @Test
    void each_row_names_the_topic_and_the_key_of_its_record() {
        Map<String, Row> rows = rows();
        eventClasses().forEach((type, record) -> {
            Row row = rows.get(type);
            assertThat(row).as("catalogue row of %s", type).isNotNull();
            assertThat(row.topic())
                    .as("topic of %s", type)
                    .isEqualTo(DomainEvent.typeOf(record).topic());
            assertThat(row.key())
                    .as("key of %s (what aggregateId() returns)", type)
                    .isEqualTo(keyOf(record));
        });
    }

    /**
     * The services that produce the event: whose main code constructs it, or, for the answer to a data-subject request
     * that the platform's privacy consumer constructs, every service that switched that consumer on, and for the
     * administrative acts that the platform's {@code AdminActs} records, every service.
     */
    @Test
    void each_row_names_the_one_service_that_produces_the_event() throws IOException {
        Map<String, Row> rows = rows();
        for (Map.Entry<String, Class<? extends DomainEvent>> event :
                eventClasses().entrySet()) {
            String construction = "new " + event.getValue().getSimpleName() + "(";
            Set<String> producers = new TreeSet<>();
            for (String service : SERVICES) {
                if (mainSources(service).anyMatch(source -> source.contains(construction))
                        || (event.getValue() == DataSubjectRequestAnswered.class && answersDataSubjectRequests(service))
                        || (event.getValue() == ApprovalRequested.class && handlesApprovals(service))
                        // The platform's AdminActs records the administrative acts of every service.
                        || (event.getValue() == AdminActRecorded.class && !service.equals("gateway"))) {
                    producers.add(service);
                }
            }
            assertThat(names(rows.get(event.getKey()).producer()))
                    .as("producer of %s (the services whose main code has %s)", event.getKey(), construction)
                    .isEqualTo(producers);
        }
    }

    @Test
    void each_row_names_the_services_whose_handlers_consume_the_event() throws IOException {
        Map<String, Set<String>> consumers = new TreeMap<>();
        Map<String, Class<? extends DomainEvent>> events = eventClasses();
        Map<String, String> typeBySimpleName = events.entrySet().stream()
                .collect(Collectors.toMap(e -> e.getValue().getSimpleName(), Map.Entry::getKey));
        events.keySet().forEach(type -> consumers.put(type, new TreeSet<>()));

        for (String service : SERVICES) {
            Properties config = applicationProperties(service);
            for (String source : mainSources(service).toList()) {
                // Each @Incoming method up to the next one: its channel, and the records it dispatches on.
                // A batch-fed handler (no channel of its own, "") counts like an @Incoming method.
                TreeMap<Integer, String> byStart = new TreeMap<>();
                Matcher incoming = INCOMING.matcher(source);
                while (incoming.find()) {
                    byStart.put(incoming.start(), incoming.group(1));
                }
                Matcher batched = BATCHED.matcher(source);
                while (batched.find()) {
                    byStart.put(batched.start(), "");
                }
                List<Integer> starts = new ArrayList<>(byStart.keySet());
                List<String> channels = byStart.values().stream()
                        .map(channel -> channel.isEmpty() ? null : channel)
                        .toList();
                for (int i = 0; i < starts.size(); i++) {
                    String channel = channels.get(i);
                    Set<String> topics = channel == null
                            ? batchedTopics(source.substring(starts.get(i)))
                            : channelTopics(config, channel);
                    assertThat(topics)
                            .as("topics of channel %s of %s", channel, service)
                            .isNotEmpty();
                    if (channel == null) {
                        assertThat(batchChannelTopics(config))
                                .as("%s reads the topics its batch-fed handlers name", service)
                                .containsAll(topics);
                    }
                    // A class with one channel declares its routes anywhere in it (EventRoutes is a static field).
                    String handler = starts.size() == 1
                            ? source
                            : source.substring(
                                    starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : source.length());
                    Matcher dispatch = DISPATCH.matcher(handler);
                    while (dispatch.find()) {
                        String type = typeBySimpleName.get(dispatch.group(1));
                        if (type == null) {
                            continue;
                        }
                        assertThat(DomainEvent.typeOf(events.get(type)).topic())
                                .as("%s handles %s on channel %s", service, type, channel)
                                .isIn(topics);
                        consumers.get(type).add(service);
                    }
                }
            }
        }
        // The platform's privacy consumer (io.kontor.platform.privacy) handles legal's requests for every service that
        // switched it on.
        // Both are fed by the service's batch channel, which must read their topic.
        for (String service : SERVICES) {
            if (answersDataSubjectRequests(service)) {
                consumers.get(DataSubjectRequestOpened.TYPE).add(service);
                assertThat(batchChannelTopics(applicationProperties(service)))
                        .as("%s's batch channel reads legal.privacy for the platform's privacy handler", service)
                        .contains(DomainEvent.typeOf(DataSubjectRequestOpened.class)
                                .topic());
            }
            // The platform's four eyes (io.kontor.platform.approval) hand the decisions to the acting services.
            if (handlesApprovals(service)) {
                consumers.get(ApprovalDecided.TYPE).add(service);
                assertThat(batchChannelTopics(applicationProperties(service)))
                        .as("%s's batch channel reads process.approvals for the platform's approval handler", service)
                        .contains(DomainEvent.typeOf(ApprovalDecided.class).topic());
            }
        }
        Set<String> streamed = Set.of(applicationProperties("gateway")
                .getProperty("kontor.gateway.events.topics")
                .split(","));
        events.forEach((type, record) -> {
            if (streamed.contains(DomainEvent.typeOf(record).topic())) {
                consumers.get(type).add("gateway");
            }
        });

        // process-service keeps every event of the topics it reads (audit trail, process monitoring), whatever its
        // type.
        Set<String> observed = new TreeSet<>();
        applicationProperties("process-service").forEach((key, value) -> {
            if (key.toString().startsWith("mp.messaging.incoming.")
                    && (key.toString().endsWith(".topic") || key.toString().endsWith(".topics"))) {
                observed.addAll(List.of(value.toString().split(",")));
            }
        });
        events.forEach((type, record) -> {
            if (observed.contains(DomainEvent.typeOf(record).topic())) {
                consumers.get(type).add("process-service");
            }
        });

        Map<String, Set<String>> documented = new TreeMap<>();
        rows().forEach((type, row) -> documented.put(type, row.consumers()));
        assertThat(documented).as("consumers per type in docs/EVENTS.md").isEqualTo(consumers);
    }

    @Test
    void the_topic_table_agrees_with_the_catalogue() throws IOException {
        Map<String, Set<String>> writers = new TreeMap<>();
        Map<String, Set<String>> readers = new TreeMap<>();
        rows().values().forEach(row -> {
            writers.computeIfAbsent(row.topic(), t -> new TreeSet<>()).addAll(names(row.producer()));
            readers.computeIfAbsent(row.topic(), t -> new TreeSet<>()).addAll(row.consumers());
        });
        Map<String, Set<String>> documentedWriters = new TreeMap<>();
        Map<String, Set<String>> documentedReaders = new TreeMap<>();
        topicTable(documentedWriters, documentedReaders);
        assertThat(documentedWriters).as("'written by' per topic").isEqualTo(writers);
        assertThat(documentedReaders).as("'read by' per topic").isEqualTo(readers);
    }

    /** The Kafka identities: who may write and read which topic (dev-infra's kafka-access.properties). */
    @Test
    void the_topic_table_agrees_with_the_kafka_grants() throws IOException {
        Path access = REPO.resolve("dev-infra/src/main/resources/io/kontor/devinfra/kafka-access.properties");
        Assumptions.assumeTrue(Files.exists(access), "no kafka-access.properties in this tree");
        Properties grants = new Properties();
        try (InputStream in = Files.newInputStream(access)) {
            grants.load(in);
        }
        Map<String, Set<String>> writers = new TreeMap<>();
        Map<String, Set<String>> readers = new TreeMap<>();
        for (String key : grants.stringPropertyNames()) {
            int dot = key.lastIndexOf('.');
            String grant = key.substring(dot + 1);
            if (dot < 0 || !(grant.equals("produces") || grant.equals("consumes"))) {
                continue;
            }
            for (String topic : names(grants.getProperty(key))) {
                (grant.equals("produces") ? writers : readers)
                        .computeIfAbsent(topic, t -> new TreeSet<>())
                        .add(key.substring(0, dot));
            }
        }
        Map<String, Set<String>> documentedWriters = new TreeMap<>();
        Map<String, Set<String>> documentedReaders = new TreeMap<>();
        topicTable(documentedWriters, documentedReaders);
        assertThat(documentedWriters)
                .as("'written by' per topic vs. %s", access)
                .isEqualTo(writers);
        assertThat(documentedReaders).as("'read by' per topic vs. %s", access).isEqualTo(readers);
    }

    @Test
    void each_event_section_lists_exactly_the_fields_of_its_record() throws IOException {
        Map<String, List<String>> sections = sections();
        eventClasses().forEach((type, record) -> {
            assertThat(sections).as("a section '### %s'", type).containsKey(type);
            assertThat(fields(sections.get(type)))
                    .as("fields of %s (%s)", type, record.getSimpleName())
                    .isEqualTo(components(record));
        });
    }

    @Test
    void the_shared_payload_types_are_described_with_their_fields_and_constants() throws IOException {
        Map<String, List<String>> sections = sections();
        Set<Class<?>> shared = new TreeSet<>((a, b) -> a.getName().compareTo(b.getName()));
        eventClasses().values().forEach(record -> collectShared(record, shared));
        assertThat(shared).isNotEmpty();
        for (Class<?> type : shared) {
            List<String> section = sections.get(type.getSimpleName());
            assertThat(section).as("a section '### %s'", type.getSimpleName()).isNotNull();
            if (type.isRecord()) {
                assertThat(fields(section))
                        .as("fields of %s", type.getSimpleName())
                        .isEqualTo(components(type));
            } else {
                String text = String.join("\n", section);
                for (Object constant : type.getEnumConstants()) {
                    assertThat(text)
                            .as("constants of %s", type.getSimpleName())
                            .contains("`" + ((Enum<?>) constant).name() + "`");
                }
            }
        }
    }

    // --- The code.

    /** Every @EventType record of platform-core, by type, from platform-core's own Jandex index. */
    static Map<String, Class<? extends DomainEvent>> eventClasses() {
        String classFile = DomainEvent.class.getResource("DomainEvent.class").toString();
        String indexUrl =
                classFile.replace(DomainEvent.class.getName().replace('.', '/') + ".class", "META-INF/jandex.idx");
        try (InputStream in = java.net.URI.create(indexUrl).toURL().openStream()) {
            Index index = new IndexReader(in).read();
            Map<String, Class<? extends DomainEvent>> events = new TreeMap<>();
            index.getAnnotations(DotName.createSimple(EventType.class.getName()))
                    .forEach(annotation -> {
                        String className = annotation.target().asClass().name().toString();
                        try {
                            events.put(
                                    annotation.value().asString(),
                                    Class.forName(className).asSubclass(DomainEvent.class));
                        } catch (ClassNotFoundException e) {
                            throw new IllegalStateException(className + " is indexed but not on the class path", e);
                        }
                    });
            assertThat(events).isNotEmpty();
            return events;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The component whose value {@code aggregateId()} returns: the record is built with a distinct value for every
     * component, so only one can match.
     */
    private static String keyOf(Class<? extends DomainEvent> record) {
        RecordComponent[] components = record.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = sample(components[i].getType(), i);
        }
        try {
            Constructor<? extends DomainEvent> constructor = record.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            String key = constructor.newInstance(values).aggregateId();
            List<String> matching = new ArrayList<>();
            for (int i = 0; i < components.length; i++) {
                if (values[i] != null && String.valueOf(values[i]).equals(key)) {
                    matching.add(components[i].getName());
                }
            }
            assertThat(matching)
                    .as("the component %s.aggregateId() returns", record.getSimpleName())
                    .hasSize(1);
            return matching.get(0);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build a " + record.getName(), e);
        }
    }

    private static Object sample(Class<?> type, int i) {
        if (type == UUID.class) {
            return UUID.randomUUID();
        } else if (type == String.class) {
            return "value-" + i;
        } else if (type == int.class) {
            return 1000 + i;
        } else if (type == long.class) {
            return 1000L + i;
        } else if (type == boolean.class) {
            return false;
        } else if (type == BigDecimal.class) {
            return BigDecimal.valueOf(1000 + i);
        } else if (type == LocalDate.class) {
            return LocalDate.of(2026, 1, 1).plusDays(i);
        } else if (type == Instant.class) {
            return Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i);
        } else if (type == List.class) {
            return List.of();
        } else if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        return null;
    }

    /** name → type as the catalogue writes it: the simple name, with type arguments ({@code List<OfferLine>}). */
    private static Map<String, String> components(Class<?> record) {
        Map<String, String> components = new LinkedHashMap<>();
        for (RecordComponent component : record.getRecordComponents()) {
            components.put(component.getName(), simpleName(component.getGenericType()));
        }
        return components;
    }

    private static String simpleName(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            return simpleName(parameterized.getRawType()) + "<"
                    + Arrays.stream(parameterized.getActualTypeArguments())
                            .map(EventCatalogueTest::simpleName)
                            .collect(Collectors.joining(", "))
                    + ">";
        }
        return type instanceof Class<?> c ? c.getSimpleName() : type.getTypeName();
    }

    /** The records and enums of the events package that events embed, however deep. */
    private static void collectShared(Class<?> record, Set<Class<?>> shared) {
        for (RecordComponent component : record.getRecordComponents()) {
            Stream.concat(Stream.of(component.getType()), typeArguments(component.getGenericType()))
                    .filter(type -> type.getPackageName().startsWith(DomainEvent.class.getPackageName()))
                    .filter(type -> type.isRecord() || type.isEnum())
                    .forEach(type -> {
                        if (shared.add(type) && type.isRecord()) {
                            collectShared(type, shared);
                        }
                    });
        }
    }

    private static Stream<Class<?>> typeArguments(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            return Arrays.stream(parameterized.getActualTypeArguments())
                    .filter(Class.class::isInstance)
                    .map(t -> (Class<?>) t);
        }
        return Stream.empty();
    }

    private static Stream<String> mainSources(String service) throws IOException {
        Path sources = REPO.resolve(service).resolve("src/main/java");
        assertThat(sources).as("sources of %s", service).isDirectory();
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList().stream()
                    .map(EventCatalogueTest::read);
        }
    }

    /** Whether the service has acts under four eyes (io.kontor.platform.approval): it asks and takes decisions. */
    private static boolean handlesApprovals(String service) {
        return "handle".equals(applicationProperties(service).getProperty("kontor.approvals.decisions"));
    }

    private static boolean answersDataSubjectRequests(String service) {
        return "answer".equals(applicationProperties(service).getProperty("kontor.privacy.requests"));
    }

    private static Properties applicationProperties(String service) {
        Properties config = new Properties();
        try (InputStream in =
                Files.newInputStream(REPO.resolve(service).resolve("src/main/resources/application.properties"))) {
            config.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return config;
    }

    // --- The document.

    private static Map<String, Row> rows() {
        Map<String, Row> rows = new TreeMap<>();
        for (String line : lines()) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                Row previous = rows.put(
                        m.group(1),
                        new Row(m.group(1), m.group(2), m.group(3), m.group(4).trim(), names(m.group(5))));
                assertThat(previous).as("%s listed twice", m.group(1)).isNull();
            }
        }
        assertThat(rows).as("rows of the catalogue table in %s", CATALOGUE).isNotEmpty();
        return rows;
    }

    /** The rows {@code | `domain.aggregate` | writers | readers |} of the topic table. */
    private static void topicTable(Map<String, Set<String>> writers, Map<String, Set<String>> readers) {
        for (String line : lines()) {
            Matcher m = TOPIC_ROW.matcher(line);
            if (m.matches()) {
                writers.put(m.group(1), names(m.group(2)));
                readers.put(m.group(1), names(m.group(3)));
            }
        }
        assertThat(writers).as("rows of the topic table in %s", CATALOGUE).isNotEmpty();
    }

    /** The lines under each {@code ### heading}, by heading. */
    private static Map<String, List<String>> sections() throws IOException {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : lines()) {
            if (line.startsWith("### ")) {
                current = new ArrayList<>();
                assertThat(sections.put(line.substring(4).trim(), current))
                        .as("section %s twice", line)
                        .isNull();
            } else if (line.startsWith("## ")) {
                current = null;
            } else if (current != null) {
                current.add(line);
            }
        }
        return sections;
    }

    /** The {@code | `field` | Type | ... |} rows of a section, in order. */
    private static Map<String, String> fields(List<String> section) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : section) {
            Matcher m = FIELD.matcher(line);
            if (m.matches()) {
                String type = m.group(2).replace("`", "").replace("&lt;", "<").replace("&gt;", ">");
                assertThat(fields.put(m.group(1), type.trim()))
                        .as("field %s twice", m.group(1))
                        .isNull();
            }
        }
        return fields;
    }

    private static Set<String> names(String list) {
        return Arrays.stream(list.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<String> lines() {
        try {
            return Files.readAllLines(CATALOGUE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The topic of a channel ({@code topic=a}) or its topics ({@code topics=a,b}, a batch channel). */
    private static Set<String> channelTopics(Properties config, String channel) {
        String prefix = "mp.messaging.incoming." + channel;
        String topics = config.getProperty(prefix + ".topic", config.getProperty(prefix + ".topics", ""));
        return topics.isBlank() ? Set.of() : new TreeSet<>(List.of(topics.split(",")));
    }

    /** What the service's batch channels read ({@code mp.messaging.incoming.<channel>.topics}). */
    private static Set<String> batchChannelTopics(Properties config) {
        Set<String> topics = new TreeSet<>();
        config.stringPropertyNames().stream()
                .filter(k -> k.startsWith("mp.messaging.incoming.") && k.endsWith(".topics"))
                .forEach(k -> topics.addAll(List.of(config.getProperty(k).split(","))));
        return topics;
    }

    private static Set<String> batchedTopics(String fromAnnotation) {
        Matcher batched = BATCHED.matcher(fromAnnotation);
        batched.lookingAt();
        Set<String> topics = new TreeSet<>();
        Matcher quoted = QUOTED.matcher(batched.group(1));
        while (quoted.find()) {
            topics.add(quoted.group(1));
        }
        return topics;
    }
}
