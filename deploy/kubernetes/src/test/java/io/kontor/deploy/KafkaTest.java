package io.kontor.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.kontor.devinfra.KafkaAccess;
import io.kontor.platform.events.DomainEvent;
import io.kontor.platform.events.EventType;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.KafkaUserScramSha512ClientAuthentication;
import io.strimzi.api.kafka.model.user.acl.AclOperation;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.jandex.DotName;
import org.jboss.jandex.Index;
import org.jboss.jandex.IndexReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class KafkaTest {

    /** The one source of Kafka identities: the cluster's users and topics must be exactly what it says. */
    static final KafkaAccess ACCESS = KafkaAccess.standard();

    static final Path REPO = Manifests.ROOT.resolve("../..").normalize();

    @ParameterizedTest(name = "overlays/{0}")
    @ValueSource(strings = {"dev", "prod"})
    void the_cluster_has_exactly_the_topics_of_the_access_file(String overlay) {
        Set<String> topics = Manifests.overlay(overlay).all(KafkaTopic.class).stream()
                .map(t -> t.getSpec().getTopicName())
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(topics).containsExactlyInAnyOrderElementsOf(ACCESS.topics());
    }

    @Test
    void the_domain_topics_are_those_of_the_event_catalogue() {
        assertThat(catalogTopics()).hasSize(19).containsExactlyInAnyOrderElementsOf(ACCESS.domainTopics());
    }

    static Stream<Arguments> users() {
        return ACCESS.principals().keySet().stream().sorted().map(Arguments::of);
    }

    @Test
    void every_application_and_nothing_else_has_a_kafka_user() {
        Set<String> users = Manifests.overlay("prod").all(KafkaUser.class).stream()
                .map(u -> u.getMetadata().getName())
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(users).isEqualTo(ACCESS.principals().keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("users")
    void each_application_logs_in_as_its_own_user_allowed_exactly_what_the_access_file_grants(String name) {
        KafkaUser user = Manifests.overlay("prod").all(KafkaUser.class).stream()
                .filter(u -> u.getMetadata().getName().equals(name))
                .findFirst()
                .orElseThrow();
        assertThat(user.getSpec().getAuthentication()).isInstanceOf(KafkaUserScramSha512ClientAuthentication.class);
        List<AclRule> acls = ((KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls();

        Set<String> actual = new TreeSet<>();
        for (AclRule acl : acls) {
            for (AclOperation operation : acl.getOperations()) {
                if (acl.getResource() instanceof AclRuleTopicResource topic) {
                    actual.add("topic " + topic.getName() + " " + topic.getPatternType() + " " + operation);
                } else if (acl.getResource() instanceof AclRuleGroupResource group) {
                    actual.add("group " + group.getName() + " " + group.getPatternType() + " " + operation);
                } else {
                    throw new AssertionError(name + " has an ACL on " + acl.getResource());
                }
            }
        }
        Set<String> expected = new TreeSet<>();
        for (KafkaAccess.Grant grant : ACCESS.principal(name).grants()) {
            for (String operation : grant.operations()) {
                expected.add(grant.resourceType() + " " + grant.name() + " " + (grant.prefix() ? "PREFIX" : "LITERAL")
                        + " " + AclOperation.forValue(operation));
            }
        }
        assertThat(actual).isEqualTo(expected);
    }

    /**
     * The access file against the code: a service's {@code produces} are the topics of the events it creates, its
     * {@code consumes} the topics of its {@code @Incoming} channels, nothing more and nothing less.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("users")
    void the_access_file_grants_each_application_exactly_what_its_code_uses(String name) throws IOException {
        KafkaAccess.Principal principal = ACCESS.principal(name);
        Properties config = applicationProperties(name);
        Set<String> consumed = config.stringPropertyNames().stream()
                .filter(property -> property.matches("mp\\.messaging\\.incoming\\.[^.]+\\.topics?"))
                // topic=a, or topics=a,b for a batch channel over several topics (platform InboxBatches)
                .flatMap(property -> Stream.of(config.getProperty(property).split(",")))
                .collect(Collectors.toCollection(TreeSet::new));
        if (name.equals("gateway")) {
            consumed.addAll(
                    List.of(config.getProperty("kontor.gateway.events.topics").split(",")));
            assertThat(principal.group()).isEqualTo("gateway-").as("the event feed's consumer groups");
        } else {
            assertThat(principal.group()).isEqualTo(name);
            assertThat(principal.deadLetters()).contains(name + ".dlq");
        }

        assertThat(principal.consumes()).as("consumes").containsExactlyInAnyOrderElementsOf(consumed);
        assertThat(principal.produces()).as("produces").containsExactlyInAnyOrderElementsOf(publishedTopics(name));
    }

    private static Properties applicationProperties(String module) throws IOException {
        Properties config = new Properties();
        try (InputStream in =
                Files.newInputStream(REPO.resolve(module).resolve("src/main/resources/application.properties"))) {
            config.load(in);
        }
        return config;
    }

    /** The topics of the catalogue's events whose constructor the module's main code calls. */
    private static Set<String> publishedTopics(String module) throws IOException {
        Map<String, String> topicByEvent = catalogEvents();
        String code;
        try (Stream<Path> files = Files.walk(REPO.resolve(module).resolve("src/main/java"))) {
            code = files.filter(file -> file.toString().endsWith(".java"))
                    .map(file -> {
                        try {
                            return Files.readString(file);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .collect(Collectors.joining("\n"));
        }
        Set<String> topics = topicByEvent.entrySet().stream()
                .filter(event -> code.matches("(?s).*\\bnew\\s+" + event.getKey() + "\\s*\\(.*"))
                .map(Map.Entry::getValue)
                .collect(Collectors.toCollection(TreeSet::new));
        if (answersDataSubjectRequests(module)) {
            // The platform's privacy consumer publishes the service's answer (io.kontor.platform.privacy).
            topics.add(topicByEvent.get("DataSubjectRequestAnswered"));
        }
        if (handlesApprovals(module)) {
            // The platform's four eyes ask for the service's acts (io.kontor.platform.approval.Approvals).
            topics.add(topicByEvent.get("ApprovalRequested"));
        }
        if (!module.equals("gateway")) {
            // Every service with the platform records its administrative acts (io.kontor.platform.audit.AdminActs).
            topics.add(topicByEvent.get("AdminActRecorded"));
        }
        return topics;
    }

    /** Whether the module has acts under four eyes: the platform asks for them and hands it the decisions. */
    static boolean handlesApprovals(String module) throws IOException {
        return "handle".equals(applicationProperties(module).getProperty("kontor.approvals.decisions"));
    }

    /** Whether the module switched on the platform's consumer of data-subject requests. */
    static boolean answersDataSubjectRequests(String module) throws IOException {
        return "answer".equals(applicationProperties(module).getProperty("kontor.privacy.requests"));
    }

    @Test
    void dev_runs_one_kafka_node_that_is_controller_and_broker() {
        Manifests dev = Manifests.overlay("dev");
        KafkaNodePool pool = dev.one(KafkaNodePool.class);

        assertThat(pool.getSpec().getReplicas()).isEqualTo(1);
        assertThat(pool.getSpec().getRoles()).containsExactlyInAnyOrder(ProcessRoles.CONTROLLER, ProcessRoles.BROKER);
        assertThat(dev.all(KafkaTopic.class))
                .allSatisfy(t -> assertThat(t.getSpec().getReplicas()).isEqualTo(1));
    }

    @Test
    void prod_keeps_every_event_on_three_nodes_and_needs_two_for_a_write() {
        Manifests prod = Manifests.overlay("prod");
        KafkaNodePool pool = prod.one(KafkaNodePool.class);
        Map<String, Object> config = prod.one(Kafka.class).getSpec().getKafka().getConfig();

        assertThat(pool.getSpec().getReplicas()).isEqualTo(3);
        assertThat(pool.getSpec().getRoles()).containsExactlyInAnyOrder(ProcessRoles.CONTROLLER, ProcessRoles.BROKER);
        assertThat(config)
                .containsEntry("default.replication.factor", 3)
                .containsEntry("min.insync.replicas", 2)
                .containsEntry("offsets.topic.replication.factor", 3)
                .containsEntry("auto.create.topics.enable", false);
        assertThat(prod.all(KafkaTopic.class)).hasSize(ACCESS.topics().size()).allSatisfy(topic -> {
            assertThat(topic.getSpec().getReplicas()).isEqualTo(3);
            assertThat(topic.getSpec().getConfig()).containsEntry("min.insync.replicas", 2);
        });
    }

    @Test
    void the_only_listener_is_tls_with_scram_and_reachable_only_from_kontors_pods() {
        var listeners =
                Manifests.overlay("prod").one(Kafka.class).getSpec().getKafka().getListeners();

        assertThat(listeners).singleElement().satisfies(listener -> {
            assertThat(listener.isTls()).isTrue();
            assertThat(listener.getAuth().getType()).isEqualTo("scram-sha-512");
            assertThat(listener.getNetworkPolicyPeers())
                    .singleElement()
                    .satisfies(peer -> assertThat(peer.getPodSelector().getMatchLabels())
                            .containsEntry("app.kubernetes.io/part-of", "kontor"));
        });
    }

    /** The topics of every @EventType record in platform-core (the code form of the event catalogue). */
    static Set<String> catalogTopics() {
        return new TreeSet<>(catalogEvents().values());
    }

    /** Each @EventType record's simple name and topic, from platform-core's Jandex index. */
    static Map<String, String> catalogEvents() {
        // The index of platform-core's own jar (or classes directory), not the first of any jar on the class path.
        String classFile = DomainEvent.class.getResource("DomainEvent.class").toString();
        String indexUrl =
                classFile.replace(DomainEvent.class.getName().replace('.', '/') + ".class", "META-INF/jandex.idx");
        try (InputStream in = java.net.URI.create(indexUrl).toURL().openStream()) {
            Index index = new IndexReader(in).read();
            Map<String, String> events = new TreeMap<>();
            index.getAnnotations(DotName.createSimple(EventType.class.getName()))
                    .forEach(annotation -> events.put(
                            annotation.target().asClass().simpleName(),
                            annotation.value("topic").asString()));
            return events;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
