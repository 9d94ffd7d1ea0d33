package io.kontor.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.strimzi.api.kafka.model.kafka.Kafka;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Kafka's version is pinned in the Kafka resource, so an operator upgrade never upgrades Kafka by surprise; it must be
 * one the pinned Strimzi release can run, or the cluster operator refuses the resource and nothing starts.
 */
class StrimziVersionTest {

    /**
     * Kafka versions each Strimzi release supports (strimzi.io/downloads, the release's kafka-versions.yaml). A new
     * Strimzi release pinned in deploy/README.md needs its row here.
     */
    static final Map<String, List<String>> SUPPORTED = Map.of(
            "0.49.1", List.of("4.0.0", "4.0.1", "4.1.0", "4.1.1"),
            "0.50.0", List.of("4.0.0", "4.0.1", "4.1.0", "4.1.1"));

    private static final Pattern STRIMZI_INSTALL = Pattern.compile(
            "strimzi-kafka-operator/releases/download/([0-9.]+)/strimzi-cluster-operator-([0-9.]+)\\.yaml");

    @Test
    void the_pinned_kafka_version_is_one_the_strimzi_release_of_the_readme_supports() throws IOException {
        String readme = Files.readString(Manifests.ROOT.resolve("../README.md"));
        Matcher install = STRIMZI_INSTALL.matcher(readme);
        assertThat(install.find())
                .as("deploy/README.md installs a pinned Strimzi release")
                .isTrue();
        String strimzi = install.group(1);
        assertThat(install.group(2)).isEqualTo(strimzi);
        assertThat(SUPPORTED).as("Kafka versions known for Strimzi " + strimzi).containsKey(strimzi);

        for (String overlay : List.of("dev", "prod")) {
            String kafka = Manifests.overlay(overlay)
                    .one(Kafka.class)
                    .getSpec()
                    .getKafka()
                    .getVersion();
            assertThat(SUPPORTED.get(strimzi)).as("overlays/" + overlay).contains(kafka);
        }
        assertThat(readme).doesNotContain("install/latest");
    }
}
