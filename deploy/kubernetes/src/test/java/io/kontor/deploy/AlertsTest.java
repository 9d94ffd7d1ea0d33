package io.kontor.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;
import io.strimzi.api.kafka.model.kafka.Kafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Production is scraped and alerts on what hurts an event-driven back office, each alert with its runbook. */
class AlertsTest {

    static final Manifests PROD = Manifests.overlay("prod");

    private static final Pattern KONTOR_METRIC = Pattern.compile("kontor_[a-z_]+");

    static List<Rule> alerts() {
        return PROD.one(PrometheusRule.class).getSpec().getGroups().stream()
                .flatMap(group -> group.getRules().stream())
                .filter(rule -> rule.getAlert() != null)
                .toList();
    }

    @Test
    void prod_alerts_on_lag_outbox_age_dead_letters_breakers_and_errors() {
        assertThat(alerts())
                .extracting(Rule::getAlert)
                .contains(
                        "KontorConsumerLagGrowing",
                        "KontorOutboxOldEvent",
                        "KontorDeadLetter",
                        "KontorCircuitBreakerOpen",
                        "KontorHighErrorRate");
        Rule outboxAge = alerts().stream()
                .filter(r -> r.getAlert().equals("KontorOutboxOldEvent"))
                .findFirst()
                .orElseThrow();
        assertThat(outboxAge.getExpr().getStrVal())
                .contains("kontor_outbox_oldest_age_seconds")
                .endsWith("> 60");
        assertThat(alerts()).allSatisfy(rule -> {
            assertThat(rule.getLabels()).containsKey("severity");
            assertThat(rule.getAnnotations()).containsKeys("summary", "runbook");
        });
    }

    @Test
    void every_alert_has_a_runbook_in_the_readme_and_the_readme_no_alert_that_is_gone() throws IOException {
        String readme = Files.readString(Manifests.ROOT.resolve("../README.md"));
        Set<String> documented = new TreeSet<>();
        Matcher heading = Pattern.compile("(?m)^#### (Kontor[A-Za-z]+)$").matcher(readme);
        while (heading.find()) {
            documented.add(heading.group(1));
        }

        assertThat(documented)
                .containsExactlyInAnyOrderElementsOf(
                        alerts().stream().map(Rule::getAlert).toList());
        assertThat(alerts())
                .allSatisfy(rule -> assertThat(rule.getAnnotations().get("runbook"))
                        .isEqualTo("deploy/README.md#" + rule.getAlert().toLowerCase(Locale.ROOT)));
    }

    @Test
    void every_kontor_metric_an_alert_uses_is_registered_by_the_code() throws IOException {
        String code = mainJavaSources();
        for (Rule rule : alerts()) {
            Matcher metric = KONTOR_METRIC.matcher(rule.getExpr().getStrVal());
            while (metric.find()) {
                // Micrometer: dots become underscores, counters get _total, a base unit its name.
                String name = metric.group().replaceAll("_(total|seconds)$", "");
                assertThat(code)
                        .as("%s (alert %s) is registered in main code", metric.group(), rule.getAlert())
                        .containsAnyOf("\"" + name.replace('_', '.') + "\"", "\"" + name + "\"");
            }
        }
    }

    @Test
    void every_workload_is_scraped_and_kafka_exports_broker_metrics_and_consumer_lag() {
        PodMonitor services = PROD.all(PodMonitor.class).stream()
                .filter(m -> m.getMetadata().getName().equals("kontor-services"))
                .findFirst()
                .orElseThrow();
        var endpoint = services.getSpec().getPodMetricsEndpoints().get(0);
        assertThat(endpoint.getPath()).isEqualTo("/q/metrics");

        for (Deployment deployment : PROD.all(Deployment.class)) {
            var pod = deployment.getSpec().getTemplate();
            assertThat(services.getSpec().getSelector().getMatchExpressions())
                    .as(deployment.getMetadata().getName())
                    .allSatisfy(e -> assertThat(e.getValues())
                            .contains(pod.getMetadata().getLabels().get(e.getKey())));
            assertThat(pod.getSpec().getContainers().get(0).getPorts())
                    .anySatisfy(port -> assertThat(port.getName()).isEqualTo(endpoint.getPort()));
        }

        Kafka kafka = PROD.one(Kafka.class);
        assertThat(kafka.getSpec().getKafka().getMetricsConfig()).isNotNull();
        assertThat(kafka.getSpec().getKafkaExporter().getGroupRegex()).isEqualTo(".*");
        assertThat(PROD.all(PodMonitor.class))
                .extracting(m -> m.getMetadata().getName())
                .contains("kontor-kafka", "kontor-postgres");
    }

    @Test
    void a_typo_in_an_alert_rule_fails_the_parsing() throws Exception {
        ObjectNode rule = (ObjectNode) Kustomize.YAML.readTree("""
                apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                metadata: {name: typo}
                spec: {groups: [{name: g, rules: [{alert: A, expr: up == 0, fore: 1m}]}]}
                """);

        assertThatThrownBy(() -> Manifests.typed("test", rule)).hasMessageContaining("fore");
    }

    private static String mainJavaSources() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(KafkaTest.REPO)) {
            files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> f.toString().contains("/src/main/java/"))
                    .forEach(f -> {
                        try {
                            all.append(Files.readString(f));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        }
        return all.toString();
    }
}
