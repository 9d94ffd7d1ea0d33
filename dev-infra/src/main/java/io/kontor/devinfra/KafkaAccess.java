package io.kontor.devinfra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Who may do what on Kafka, read from {@code kafka-access.properties}: the one source for the cluster's KafkaUsers and
 * KafkaTopics and for the SCRAM users, topics and ACLs of the broker that tests and the launcher start. The file's
 * header says what each line grants.
 */
public final class KafkaAccess {

    /** The standard file: the services and the gateway. */
    public static final String RESOURCE = "kafka-access.properties";

    /** The broker's own principal: inter-broker traffic, topic and ACL administration, and test helpers. */
    public static final String ADMIN = "kontor-admin";

    private static final String DOMAIN_TOPICS = "domain-topics";

    private final Map<String, Principal> principals;
    private final Set<String> domainTopics;

    private KafkaAccess(Map<String, Principal> principals, Set<String> domainTopics) {
        this.principals = Collections.unmodifiableMap(principals);
        this.domainTopics = Collections.unmodifiableSet(domainTopics);
    }

    /** The services' and the gateway's access, from the standard file. */
    public static KafkaAccess standard() {
        try (InputStream in = KafkaAccess.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("io/kontor/devinfra/" + RESOURCE + " is missing from kontor-dev-infra");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a file in the format of {@value #RESOURCE}. */
    public static KafkaAccess parse(InputStream in) throws IOException {
        Properties properties = new Properties();
        properties.load(in);
        Map<String, Map<String, String>> byPrincipal = new TreeMap<>();
        Set<String> domainTopics = new LinkedHashSet<>();
        for (String key : properties.stringPropertyNames()) {
            String value = properties.getProperty(key).trim();
            if (key.equals(DOMAIN_TOPICS)) {
                domainTopics.addAll(list(value));
                continue;
            }
            int dot = key.lastIndexOf('.');
            if (dot <= 0) {
                throw new IllegalArgumentException("kafka access: '" + key + "' is not <principal>.<grant>");
            }
            byPrincipal
                    .computeIfAbsent(key.substring(0, dot), name -> new TreeMap<>())
                    .put(key.substring(dot + 1), value);
        }
        Map<String, Principal> principals = new LinkedHashMap<>();
        byPrincipal.forEach((name, grants) -> principals.put(name, Principal.of(name, grants)));
        return new KafkaAccess(principals, domainTopics);
    }

    /** This access and {@code other}'s principals (e.g. a module's test application); a name must not repeat. */
    public KafkaAccess with(KafkaAccess other) {
        Map<String, Principal> merged = new LinkedHashMap<>(principals);
        other.principals.forEach((name, principal) -> {
            if (merged.putIfAbsent(name, principal) != null) {
                throw new IllegalArgumentException("kafka access: principal " + name + " is defined twice");
            }
        });
        Set<String> topics = new LinkedHashSet<>(domainTopics);
        topics.addAll(other.domainTopics);
        return new KafkaAccess(merged, topics);
    }

    public Map<String, Principal> principals() {
        return principals;
    }

    public Principal principal(String name) {
        Principal principal = principals.get(name);
        if (principal == null) {
            throw new IllegalArgumentException(
                    "kafka access: no principal " + name + " (known: " + principals.keySet() + ")");
        }
        return principal;
    }

    /** The topics events are published on. */
    public Set<String> domainTopics() {
        return domainTopics;
    }

    /** Every topic a principal is granted anything on, domain topics first, then the dead-letter topics. */
    public Set<String> topics() {
        Set<String> topics = new LinkedHashSet<>(domainTopics);
        principals.values().forEach(principal -> {
            topics.addAll(principal.produces());
            topics.addAll(principal.consumes());
            principal.deadLetters().ifPresent(topics::add);
        });
        return topics;
    }

    /** One principal (a KafkaUser in the cluster) and what it may do. */
    public record Principal(
            String name, Set<String> produces, Set<String> consumes, String group, String deadLetterTopic) {

        static Principal of(String name, Map<String, String> grants) {
            Set<String> unknown = new LinkedHashSet<>(grants.keySet());
            unknown.removeAll(Set.of("produces", "consumes", "group", "dead-letters"));
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("kafka access: unknown grants " + unknown + " for " + name);
            }
            String group = grants.get("group");
            if (group == null && grants.containsKey("consumes")) {
                throw new IllegalArgumentException("kafka access: " + name + " consumes but names no group");
            }
            return new Principal(
                    name,
                    list(grants.getOrDefault("produces", "")),
                    list(grants.getOrDefault("consumes", "")),
                    group,
                    grants.get("dead-letters"));
        }

        public java.util.Optional<String> deadLetters() {
            return java.util.Optional.ofNullable(deadLetterTopic);
        }

        /** Whether {@link #group()} names every group that starts with it rather than one group. */
        public boolean groupIsPrefix() {
            return group != null && group.endsWith("-");
        }

        /** The ACLs of this principal, in the order the cluster manifest lists them. */
        public List<Grant> grants() {
            List<Grant> grants = new ArrayList<>();
            produces.forEach(topic -> grants.add(Grant.topic(topic, "Write", "Describe")));
            consumes.forEach(topic -> grants.add(Grant.topic(topic, "Read", "Describe")));
            deadLetters().ifPresent(topic -> grants.add(Grant.topic(topic, "Read", "Write", "Describe")));
            if (group != null) {
                grants.add(new Grant("group", group, groupIsPrefix(), List.of("Read")));
            }
            return grants;
        }
    }

    /** One ACL: operations allowed on a topic or group, named literally or by prefix (Strimzi's spelling). */
    public record Grant(String resourceType, String name, boolean prefix, List<String> operations) {

        static Grant topic(String name, String... operations) {
            return new Grant("topic", name, false, List.of(operations));
        }
    }

    private static Set<String> list(String value) {
        return Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(item -> !item.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
