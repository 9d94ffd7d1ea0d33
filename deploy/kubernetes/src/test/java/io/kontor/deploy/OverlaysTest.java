package io.kontor.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every overlay renders, every object fits its typed API model, and what a pod refers to exists or is documented. */
class OverlaysTest {

    /**
     * Made by the operators: Strimzi's cluster CA certificate and CloudNativePG's CA of the database cluster
     * ({@code <cluster>-ca}). (KafkaUser Secrets are added per rendering.)
     */
    static final Set<String> MADE_BY_OPERATORS = Set.of("kontor-kafka-cluster-ca-cert", "kontor-postgres-ca");
    /** What a person creates before the first apply of overlays/prod (deploy/README.md, "Secrets"). */
    static final List<String> CREATED_BEFORE_PROD = List.of(
            "kontor-identity",
            "kontor-db-sales",
            "kontor-db-accounting",
            "kontor-db-hr",
            "kontor-db-projects",
            "kontor-db-productdev",
            "kontor-db-legal",
            "kontor-db-process",
            "kontor-hr-personal-data",
            "kontor-smtp",
            "kontor-payables-mailbox",
            "kontor-company");

    @ParameterizedTest(name = "overlays/{0}")
    @ValueSource(strings = {"dev", "prod"})
    void every_object_parses_into_its_typed_model_without_unknown_fields(String overlay) {
        Manifests manifests = Manifests.overlay(overlay);

        assertThat(manifests.objects).hasSizeGreaterThan(40);
        assertThat(manifests.all(Deployment.class))
                .extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(Manifests.services());
    }

    @ParameterizedTest(name = "overlays/{0}")
    @ValueSource(strings = {"dev", "prod"})
    void everything_lives_in_the_kontor_namespace(String overlay) {
        Manifests manifests = Manifests.overlay(overlay);

        manifests.objects.stream()
                .filter(o -> !(o instanceof Namespace))
                .forEach(o -> assertThat(Manifests.metadata(o).getNamespace())
                        .as(o.getClass().getSimpleName() + " "
                                + Manifests.metadata(o).getName())
                        .isEqualTo("kontor"));
    }

    @Test
    void dev_brings_every_secret_and_config_map_its_pods_need() {
        Manifests dev = Manifests.overlay("dev");

        assertThat(referencedByPods(dev)).isSubsetOf(available(dev));
    }

    @Test
    void prod_needs_from_outside_only_what_the_readme_tells_the_operator_to_create() throws Exception {
        Manifests prod = Manifests.overlay("prod");
        String readme = Files.readString(Manifests.ROOT.resolve("../README.md"));

        Set<String> missing = new HashSet<>(referencedByPods(prod));
        missing.removeAll(available(prod));

        assertThat(missing).containsExactlyInAnyOrderElementsOf(CREATED_BEFORE_PROD);
        assertThat(readme).contains(CREATED_BEFORE_PROD);
    }

    @Test
    void the_dev_overlay_trusts_exactly_the_development_key_of_dev_infra() throws Exception {
        ConfigMap identity = Manifests.overlay("dev").all(ConfigMap.class).stream()
                .filter(c -> c.getMetadata().getName().equals("kontor-identity"))
                .findFirst()
                .orElseThrow();
        String devKey = Files.readString(
                Manifests.ROOT.resolve("../../dev-infra/src/main/resources/io/kontor/devinfra/dev-jwt-public.pem"));

        assertThat(identity.getData().get("public.pem").strip()).isEqualTo(devKey.strip());
        assertThat(identity.getData().get("issuer")).isEqualTo("https://kontor.local/dev");
    }

    @Test
    void a_field_the_api_does_not_know_fails_the_check() throws Exception {
        ObjectNode deployment = (ObjectNode) Kustomize.YAML.readTree("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: typo}
                spec:
                  replicas: 1
                  template:
                    spec:
                      containers:
                        - name: app
                          image: app:1
                          readinessProbes: {}
                """);
        ObjectNode topic = (ObjectNode) Kustomize.YAML.readTree("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata: {name: typo}
                spec: {partitions: 1, replica: 3}
                """);
        ObjectNode cluster = (ObjectNode) Kustomize.YAML.readTree("""
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata: {name: typo}
                spec: {instance: 3}
                """);

        assertThatThrownBy(() -> Manifests.typed("test", deployment)).hasMessageContaining("readinessProbes");
        assertThatThrownBy(() -> Manifests.typed("test", topic)).hasMessageContaining("replica");
        assertThatThrownBy(() -> Manifests.typed("test", cluster)).hasMessageContaining("instance");
    }

    @Test
    void a_kind_without_a_model_fails_the_check() throws Exception {
        ObjectNode unknown =
                (ObjectNode) Kustomize.YAML.readTree("{apiVersion: example.com/v1, kind: Widget, metadata: {name: w}}");

        assertThatThrownBy(() -> Manifests.typed("test", unknown))
                .hasMessageContaining("no model for example.com/v1/Widget");
    }

    static Set<String> referencedByPods(Manifests manifests) {
        Set<String> names = new HashSet<>();
        for (Deployment deployment : manifests.all(Deployment.class)) {
            var pod = deployment.getSpec().getTemplate().getSpec();
            pod.getVolumes().forEach(v -> {
                if (v.getSecret() != null) {
                    names.add(v.getSecret().getSecretName());
                }
                if (v.getConfigMap() != null) {
                    names.add(v.getConfigMap().getName());
                }
            });
            pod.getContainers().forEach(c -> {
                c.getEnvFrom()
                        .forEach(e -> names.add(
                                e.getConfigMapRef() != null
                                        ? e.getConfigMapRef().getName()
                                        : e.getSecretRef().getName()));
                c.getEnv().stream()
                        .filter(e -> e.getValueFrom() != null)
                        .forEach(e -> names.add(
                                e.getValueFrom().getSecretKeyRef() != null
                                        ? e.getValueFrom().getSecretKeyRef().getName()
                                        : e.getValueFrom().getConfigMapKeyRef().getName()));
            });
        }
        return names;
    }

    /**
     * ConfigMaps and Secrets in the rendering, Secrets that Strimzi makes for each KafkaUser, and its CA certificate.
     */
    static Set<String> available(Manifests manifests) {
        Set<String> names = new HashSet<>(MADE_BY_OPERATORS);
        Stream.of(ConfigMap.class, Secret.class)
                .flatMap(type -> manifests.all(type).stream())
                .forEach(o -> names.add(((HasMetadata) o).getMetadata().getName()));
        manifests
                .all(KafkaUser.class)
                .forEach(user -> names.add(user.getMetadata().getName()));
        return names;
    }
}
