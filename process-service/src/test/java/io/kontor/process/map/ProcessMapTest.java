package io.kontor.process.map;

import static org.assertj.core.api.Assertions.assertThat;

import io.kontor.platform.events.DomainEvent;
import io.kontor.platform.events.EventType;
import io.kontor.platform.events.approvals.ApprovalRequested;
import io.kontor.platform.events.privacy.DataSubjectRequestAnswered;
import io.kontor.platform.events.process.ApprovalDecided;
import io.kontor.process.monitor.ProcessDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jboss.jandex.DotName;
import org.jboss.jandex.Index;
import org.jboss.jandex.IndexReader;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/**
 * The process maps against the code: the catalogue they are drawn from is recomputed from the {@code @EventType}
 * records and every service's sources, and each arrow that crosses services must be a subscription in the code. When
 * this fails after a change of events or handlers, target/process-maps/catalogue.properties holds what the code says.
 */
class ProcessMapTest {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern INCOMING = Pattern.compile("@Incoming\\(\"([^\"]+)\"\\)");
    private static final Pattern DISPATCH = Pattern.compile("\\.(?:is|on)\\((\\w+)\\.class\\b");

    @Test
    void the_catalogue_the_maps_are_drawn_from_is_what_the_code_says() throws IOException {
        String fromCode = fromCode().text();
        Path written = Path.of("target/process-maps/catalogue.properties");
        Files.createDirectories(written.getParent());
        Files.writeString(written, fromCode);

        assertThat(Catalogue.load().text())
                .as(
                        "src/main/resources/%s vs. the code (regenerated: %s)",
                        Catalogue.RESOURCE, written.toAbsolutePath())
                .isEqualTo(fromCode);
    }

    @Test
    void every_step_of_every_process_is_an_event_the_code_publishes() {
        Catalogue code = fromCode();
        for (ProcessDefinition process : ProcessDefinition.ALL) {
            process.steps()
                    .keySet()
                    .forEach(type -> assertThat(code.of(type))
                            .as("%s of %s", type, process.name())
                            .isNotNull());
        }
    }

    @Test
    void each_arrow_across_services_is_a_subscription_in_the_code() {
        Catalogue code = fromCode();
        for (ProcessDefinition process : ProcessDefinition.ALL) {
            for (ProcessMaps.Edge edge : ProcessMaps.edges(process)) {
                String reacting = ProcessMaps.reaction(process, code, edge);
                if (reacting != null) {
                    assertThat(code.of(process.typeOf(edge.from())).consumers())
                            .as("%s: %s reacts to %s", process.name(), reacting, edge.from())
                            .contains(reacting);
                }
            }
        }
    }

    @Test
    void the_quote_to_cash_map_is_drawn_in_mermaid_and_bpmn() throws Exception {
        ProcessDefinition process = ProcessDefinition.named("quote-to-cash");
        String mermaid = ProcessMaps.mermaid(process, fromCode());
        String bpmn = ProcessMaps.bpmn(process, fromCode());
        Files.createDirectories(Path.of("target/process-maps"));
        Files.writeString(Path.of("target/process-maps/quote-to-cash.mmd"), mermaid);
        Files.writeString(Path.of("target/process-maps/quote-to-cash.bpmn"), bpmn);

        assertThat(mermaid)
                .startsWith("%% ")
                .contains("flowchart LR", "subgraph sales-backoffice-service", "subgraph accounting-service")
                .contains("-->|accounting-service reacts|");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(bpmn)));
        String bpmnNs = "http://www.omg.org/spec/BPMN/20100524/MODEL";
        assertThat(document.getDocumentElement().getNamespaceURI()).isEqualTo(bpmnNs);
        assertThat(document.getElementsByTagNameNS(bpmnNs, "intermediateThrowEvent")
                        .getLength())
                .isEqualTo(process.steps().size());
        assertThat(document.getElementsByTagNameNS(bpmnNs, "lane").getLength()).isEqualTo(2);
        assertThat(document.getElementsByTagNameNS(bpmnNs, "exclusiveGateway").getLength())
                .isGreaterThan(0);
    }

    /** What the code says: producer by {@code new X(} in main code, consumers by channel and route (and streams). */
    static Catalogue fromCode() {
        Map<String, Class<? extends DomainEvent>> events = eventClasses();
        Map<String, String> typeBySimpleName = new TreeMap<>();
        events.forEach((type, c) -> typeBySimpleName.put(c.getSimpleName(), type));
        Map<String, String> producers = new TreeMap<>();
        Map<String, Set<String>> consumers = new TreeMap<>();
        events.keySet().forEach(type -> consumers.put(type, new TreeSet<>()));
        for (String service : services()) {
            Properties config = properties(REPO.resolve(service).resolve("src/main/resources/application.properties"));
            Set<String> channelTopics = new TreeSet<>();
            config.stringPropertyNames().stream()
                    .filter(k ->
                            k.startsWith("mp.messaging.incoming.") && (k.endsWith(".topic") || k.endsWith(".topics")))
                    .forEach(k ->
                            channelTopics.addAll(List.of(config.getProperty(k).split(","))));
            if ("handle".equals(config.getProperty("kontor.approvals.decisions"))) {
                // The platform's four eyes (io.kontor.platform.approval) ask for the service's acts and hand it the
                // decisions: several services produce the request.
                producers.merge(ApprovalRequested.TYPE, service, (a, b) -> a + "," + b);
                consumers.get(ApprovalDecided.TYPE).add(service);
            }
            for (String source : sources(service)) {
                events.forEach((type, c) -> {
                    if (source.contains("new " + c.getSimpleName() + "(")) {
                        producers.put(type, service);
                    }
                });
                // An @Incoming handler, or one fed by the service's batch channel (@InboxHandled(topics = ...)).
                if (INCOMING.matcher(source).find() || source.contains("@InboxHandled(topics")) {
                    Matcher dispatch = DISPATCH.matcher(source);
                    while (dispatch.find()) {
                        String type = typeBySimpleName.get(dispatch.group(1));
                        if (type != null) {
                            consumers.get(type).add(service);
                        }
                    }
                }
            }
            // Services that keep every event of the topics they read (process-service) or stream them (gateway).
            boolean everyEvent = service.equals("process-service");
            String streamed = config.getProperty("kontor.gateway.events.topics");
            events.forEach((type, c) -> {
                String topic = DomainEvent.typeOf(c).topic();
                if ((everyEvent && channelTopics.contains(topic))
                        || (streamed != null && List.of(streamed.split(",")).contains(topic))) {
                    consumers.get(type).add(service);
                }
            });
        }
        // The platform constructs the answer to a data-subject request on behalf of each service that switches the
        // answering on (platform/README.md): those services are its producers.
        producers.put(
                DataSubjectRequestAnswered.TYPE,
                services().stream()
                        .filter(service -> "answer"
                                .equals(properties(REPO.resolve(service)
                                                .resolve("src/main/resources/application.properties"))
                                        .getProperty("kontor.privacy.requests")))
                        .collect(Collectors.joining(",")));
        Map<String, Catalogue.Entry> entries = new TreeMap<>();
        events.forEach((type, c) -> entries.put(
                type,
                new Catalogue.Entry(
                        type,
                        DomainEvent.typeOf(c).topic(),
                        producers.getOrDefault(type, "none"),
                        new ArrayList<>(consumers.get(type)))));
        return new Catalogue(entries);
    }

    /** Every module that runs as a service: the gateway and each *-service folder, also ones added later. */
    private static List<String> services() {
        try (Stream<Path> dirs = Files.list(REPO)) {
            return dirs.map(d -> d.getFileName().toString())
                    .filter(n -> n.endsWith("-service") || n.equals("gateway"))
                    .filter(n -> Files.exists(REPO.resolve(n).resolve("src/main/resources/application.properties")))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> sources(String service) {
        try (Stream<Path> files = Files.walk(REPO.resolve(service).resolve("src/main/java"))) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .map(f -> {
                        try {
                            return Files.readString(f);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties properties(Path file) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    static Map<String, Class<? extends DomainEvent>> eventClasses() {
        String classFile = DomainEvent.class.getResource("DomainEvent.class").toString();
        String indexUrl =
                classFile.replace(DomainEvent.class.getName().replace('.', '/') + ".class", "META-INF/jandex.idx");
        try (InputStream in = java.net.URI.create(indexUrl).toURL().openStream()) {
            Index index = new IndexReader(in).read();
            Map<String, Class<? extends DomainEvent>> events = new TreeMap<>();
            index.getAnnotations(DotName.createSimple(EventType.class.getName()))
                    .forEach(annotation -> {
                        try {
                            events.put(
                                    annotation.value().asString(),
                                    Class.forName(annotation
                                                    .target()
                                                    .asClass()
                                                    .name()
                                                    .toString())
                                            .asSubclass(DomainEvent.class));
                        } catch (ClassNotFoundException e) {
                            throw new IllegalStateException(e);
                        }
                    });
            return events;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
