package io.kontor.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a topic keeps: the state a consumer bootstraps from, and dead letters long enough to act on them. */
class TopicPoliciesTest {

    @ParameterizedTest(name = "overlays/{0}")
    @ValueSource(strings = {"dev", "prod"})
    void state_topics_are_compacted_so_that_a_new_consumer_can_build_its_replica_from_them(String overlay) {
        assertThat(Manifests.overlay(overlay).all(KafkaTopic.class))
                .filteredOn(t ->
                        InboxRetentionTest.STATE_TOPICS.contains(t.getSpec().getTopicName()))
                .hasSize(InboxRetentionTest.STATE_TOPICS.size())
                .allSatisfy(topic -> {
                    assertThat(topic.getSpec().getConfig()).containsEntry("cleanup.policy", "compact");
                    // Every event stays a week before compaction may drop it: consumers that are behind see each one.
                    assertThat(Duration.ofMillis(Long.parseLong(
                                    String.valueOf(topic.getSpec().getConfig().get("min.compaction.lag.ms")))))
                            .isGreaterThanOrEqualTo(Duration.ofDays(7));
                });
    }

    @ParameterizedTest(name = "overlays/{0}")
    @ValueSource(strings = {"dev", "prod"})
    void dead_letters_are_kept_90_days_and_never_compacted(String overlay) {
        assertThat(Manifests.overlay(overlay).all(KafkaTopic.class))
                .filteredOn(t -> t.getSpec().getTopicName().endsWith(".dlq"))
                .isNotEmpty()
                .allSatisfy(topic -> {
                    assertThat(topic.getSpec().getConfig()).doesNotContainKey("cleanup.policy");
                    assertThat(Duration.ofMillis(Long.parseLong(
                                    String.valueOf(topic.getSpec().getConfig().get("retention.ms")))))
                            .as(topic.getSpec().getTopicName())
                            .isGreaterThanOrEqualTo(Duration.ofDays(90));
                });
    }
}
