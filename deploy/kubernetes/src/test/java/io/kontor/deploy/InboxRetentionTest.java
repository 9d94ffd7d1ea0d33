package io.kontor.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A consumer remembers an applied event's {@code ce_id} in its inbox for {@code kontor.inbox.retention}; Kafka keeps
 * the records, and dead letters, for their topic's {@code retention.ms}. A record handed back on the last day it is
 * kept (a replay from the dead letters, a consumer group reset) must still meet its id in the inbox, or it is applied a
 * second time (issue #24). So the inbox must remember longer than any topic keeps.
 */
class InboxRetentionTest {

    /** Compacted topics (docs/EVENTS.md: every event of them carries the aggregate's whole state). */
    static final java.util.Set<String> STATE_TOPICS = java.util.Set.of("sales.customers");

    private static final Path PLATFORM_DEFAULTS =
            KafkaTest.REPO.resolve("platform/src/main/resources/META-INF/microprofile-config.properties");

    @ParameterizedTest(name = "overlays/{0}")
    @ValueSource(strings = {"dev", "prod"})
    void the_inbox_remembers_longer_than_any_topic_or_dead_letter_topic_keeps_records(String overlay)
            throws IOException {
        Duration inbox = duration(platformDefault("kontor.inbox.retention"));

        assertThat(Manifests.overlay(overlay).all(KafkaTopic.class)).allSatisfy(topic -> {
            if ("compact".equals(topic.getSpec().getConfig().get("cleanup.policy"))) {
                // Keeps the newest event per key for good: only for topics whose events carry the whole state and
                // whose consumers ignore an older one, where reading a kept event again changes nothing.
                assertThat(STATE_TOPICS).contains(topic.getSpec().getTopicName());
                return;
            }
            Object retention = topic.getSpec().getConfig().get("retention.ms");
            assertThat(retention)
                    .as("retention.ms of %s", topic.getSpec().getTopicName())
                    .isNotNull();
            assertThat(inbox)
                    .as("kontor.inbox.retention against %s", topic.getSpec().getTopicName())
                    .isGreaterThan(Duration.ofMillis(Long.parseLong(retention.toString())));
        });
    }

    private static String platformDefault(String key) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(PLATFORM_DEFAULTS)) {
            properties.load(in);
        }
        return properties.getProperty(key);
    }

    /** Quarkus' short form ({@code 35d}, {@code 24h}) or ISO-8601. */
    static Duration duration(String text) {
        if (text.endsWith("d")) {
            return Duration.ofDays(Long.parseLong(text.substring(0, text.length() - 1)));
        }
        if (text.endsWith("h")) {
            return Duration.ofHours(Long.parseLong(text.substring(0, text.length() - 1)));
        }
        return Duration.parse(text);
    }
}
