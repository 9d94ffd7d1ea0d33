package io.kontor.deploy;

import static org.assertj.core.api.Assertions.assertThat;

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
import io.strimzi.api.kafka.model.user.acl.AclResourcePatternType;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
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

    /**
     * Who produces and who consumes each topic (EVENTS.md): a topic {@code <domain>.<aggregate>} is written by its
     * domain's service; consumers as the catalog lists them. The gateway reads everything for the live stream.
     */
    static final Map<String, Set<String>> PRODUCES = Map.of(
            "sales-backoffice-service", Set.of("sales.customers", "sales.offers"),
            "accounting-service", Set.of("accounting.invoices"),
            "hr-service", Set.of("hr.applications", "hr.employees"),
            "project-office-service", Set.of("projects.projects"),
            "gateway", Set.of());

    static final Map<String, Set<String>> CONSUMES = Map.of(
            "sales-backoffice-service", Set.of("sales.offers", "accounting.invoices"),
            "accounting-service", Set.of("sales.customers", "sales.offers", "projects.projects"),
            "hr-service", Set.of("projects.projects"),
            "project-office-service", Set.of("sales.customers", "sales.offers", "hr.applications", "hr.employees"),
            "gateway",
                    Set.of(
                            "sales.customers",
                            "sales.offers",
                            "accounting.invoices",
                            "hr.applications",
                            "hr.employees",
                            "projects.projects"));

    @ParameterizedTest(name = "overlays/{0}")
    @ValueSource(strings = {"dev", "prod"})
    void every_topic_of_the_event_catalog_has_a_kafka_topic_and_a_dead_letter_topic(String overlay) {
        Set<String> catalog = catalogTopics();

        Set<String> topics = Manifests.overlay(overlay).all(KafkaTopic.class).stream()
                .map(t -> t.getSpec().getTopicName())
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(catalog).hasSize(6);
        assertThat(topics)
                .containsExactlyInAnyOrderElementsOf(
                        catalog.stream().flatMap(t -> Stream.of(t, t + ".dlq")).toList());
    }

    static Stream<Arguments> users() {
        return PRODUCES.keySet().stream().sorted().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("users")
    void each_service_logs_in_as_its_own_user_allowed_exactly_its_topics(String service) {
        KafkaUser user = Manifests.overlay("prod").all(KafkaUser.class).stream()
                .filter(u -> u.getMetadata().getName().equals(service))
                .findFirst()
                .orElseThrow();
        assertThat(user.getSpec().getAuthentication()).isInstanceOf(KafkaUserScramSha512ClientAuthentication.class);
        List<AclRule> acls = ((KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls();

        Map<String, Set<AclOperation>> topics = new HashMap<>();
        Map<String, Set<AclOperation>> groups = new HashMap<>();
        for (AclRule acl : acls) {
            if (acl.getResource() instanceof AclRuleTopicResource topic) {
                assertThat(topic.getPatternType()).isEqualTo(AclResourcePatternType.LITERAL);
                topics.computeIfAbsent(topic.getName(), t -> new TreeSet<>()).addAll(acl.getOperations());
            } else if (acl.getResource() instanceof AclRuleGroupResource group) {
                groups.computeIfAbsent(group.getName() + "/" + group.getPatternType(), g -> new TreeSet<>())
                        .addAll(acl.getOperations());
            } else {
                throw new AssertionError(service + " has an ACL on " + acl.getResource());
            }
        }

        Map<String, Set<AclOperation>> expected = new HashMap<>();
        PRODUCES.get(service).forEach(t -> expected.put(t, Set.of(AclOperation.WRITE, AclOperation.DESCRIBE)));
        CONSUMES.get(service)
                .forEach(t -> expected.merge(t, Set.of(AclOperation.READ, AclOperation.DESCRIBE), KafkaTest::union));
        if (!service.equals("gateway")) {
            // The inbox parks what it cannot handle on <topic>.dlq, through the service's own outbox.
            CONSUMES.get(service)
                    .forEach(t -> expected.put(t + ".dlq", Set.of(AclOperation.WRITE, AclOperation.DESCRIBE)));
        }
        assertThat(topics).isEqualTo(expected);
        assertThat(groups)
                .isEqualTo(
                        service.equals("gateway")
                                ? Map.of("gateway/PREFIX", Set.of(AclOperation.READ))
                                : Map.of(service + "/LITERAL", Set.of(AclOperation.READ)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("users")
    void the_acls_cover_every_topic_the_service_is_configured_to_consume(String service) throws IOException {
        Path properties =
                Manifests.ROOT.resolve("../..").resolve(service).resolve("src/main/resources/application.properties");
        Properties config = new Properties();
        try (InputStream in = Files.newInputStream(properties)) {
            config.load(in);
        }
        Set<String> configured = config.stringPropertyNames().stream()
                .filter(name -> name.matches("mp\\.messaging\\.incoming\\.[^.]+\\.topic"))
                .map(config::getProperty)
                .collect(Collectors.toSet());

        assertThat(CONSUMES.get(service)).containsAll(configured);
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
        assertThat(prod.all(KafkaTopic.class)).hasSize(12).allSatisfy(topic -> {
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

    /** The topics of every @EventType record in platform-core (the code form of EVENTS.md), from its Jandex index. */
    static Set<String> catalogTopics() {
        // The index of platform-core's own jar (or classes directory), not the first of any jar on the class path.
        String classFile = DomainEvent.class.getResource("DomainEvent.class").toString();
        String indexUrl =
                classFile.replace(DomainEvent.class.getName().replace('.', '/') + ".class", "META-INF/jandex.idx");
        try (InputStream in = java.net.URI.create(indexUrl).toURL().openStream()) {
            Index index = new IndexReader(in).read();
            return index.getAnnotations(DotName.createSimple(EventType.class.getName())).stream()
                    .map(annotation -> annotation.value("topic").asString())
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<AclOperation> union(Set<AclOperation> a, Set<AclOperation> b) {
        Set<AclOperation> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
