package io.kontor.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the NetworkPolicies of an overlay allow, worked out from the policies as Kubernetes would: a pod selected by any
 * policy of a type is isolated for that type and gets the union of their rules.
 */
class NetworkPoliciesTest {

    static final Map<String, String> KAFKA_PODS =
            Map.of("strimzi.io/cluster", "kontor-kafka", "strimzi.io/kind", "Kafka");
    static final Map<String, String> POSTGRES_PODS = Map.of("cnpg.io/cluster", "kontor-postgres");

    static Stream<Arguments> workloads() {
        return Stream.of("dev", "prod").flatMap(overlay -> {
            Manifests manifests = Manifests.overlay(overlay);
            return manifests.all(Deployment.class).stream()
                    .map(d -> Arguments.of(overlay, d.getMetadata().getName(), manifests, d));
        });
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("workloads")
    void every_pod_is_isolated_in_both_directions(
            String overlay, String name, Manifests manifests, Deployment deployment) {
        Map<String, String> labels = labels(deployment);

        assertThat(policies(manifests, labels, "Ingress")).isNotEmpty();
        assertThat(policies(manifests, labels, "Egress")).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("workloads")
    void only_the_gateway_is_reached_from_outside_the_namespace_and_services_only_from_the_gateway(
            String overlay, String name, Manifests manifests, Deployment deployment) {
        List<NetworkPolicyPeer> from = policies(manifests, labels(deployment), "Ingress").stream()
                .flatMap(p -> p.getSpec().getIngress().stream())
                .flatMap(rule -> rule.getFrom().stream())
                .toList();
        Set<String> namespaces = from.stream()
                .filter(peer -> peer.getNamespaceSelector() != null)
                .map(peer -> peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name"))
                .collect(Collectors.toSet());

        assertThat(from).allSatisfy(peer -> assertThat(peer.getIpBlock()).isNull());
        if (name.equals("gateway")) {
            assertThat(namespaces).containsExactlyInAnyOrder("ingress-nginx", "monitoring");
        } else {
            // Prometheus scrapes /q/metrics; everything else must come through the gateway.
            assertThat(namespaces).containsExactly("monitoring");
            assertThat(from.stream().filter(peer -> peer.getNamespaceSelector() == null))
                    .allSatisfy(peer -> assertThat(peer.getPodSelector().getMatchLabels())
                            .isEqualTo(Map.of("app.kubernetes.io/name", "gateway")));
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("workloads")
    void a_pod_reaches_only_dns_kafka_its_database_and_for_the_gateway_the_services(
            String overlay, String name, Manifests manifests, Deployment deployment) {
        List<NetworkPolicyPeer> to = policies(manifests, labels(deployment), "Egress").stream()
                .flatMap(p -> p.getSpec().getEgress().stream())
                .flatMap(rule -> rule.getTo().stream())
                .toList();

        assertThat(to).allSatisfy(peer -> assertThat(peer.getIpBlock()).isNull());
        Set<Map<String, String>> podSelectors = to.stream()
                .map(NetworkPolicyPeer::getPodSelector)
                .map(LabelSelector::getMatchLabels)
                .collect(Collectors.toSet());
        Map<String, String> dns = Map.of("k8s-app", "kube-dns");
        Map<String, String> services =
                Map.of("app.kubernetes.io/part-of", "kontor", "app.kubernetes.io/component", "service");
        assertThat(podSelectors)
                .isEqualTo(
                        name.equals("gateway")
                                ? Set.of(dns, KAFKA_PODS, services)
                                : Set.of(dns, KAFKA_PODS, POSTGRES_PODS));
    }

    @ParameterizedTest(name = "overlays/{0}")
    @ValueSource(strings = {"dev", "prod"})
    void the_default_deny_covers_every_kontor_pod(String overlay) {
        Manifests manifests = Manifests.overlay(overlay);
        NetworkPolicy deny = manifests.all(NetworkPolicy.class).stream()
                .filter(p -> p.getMetadata().getName().equals("kontor-default-deny"))
                .findFirst()
                .orElseThrow();

        assertThat(deny.getSpec().getIngress()).isEmpty();
        assertThat(deny.getSpec().getEgress()).isEmpty();
        assertThat(manifests.all(Deployment.class))
                .allSatisfy(d -> assertThat(selects(deny.getSpec().getPodSelector(), labels(d)))
                        .isTrue());
    }

    /**
     * The labels CloudNativePG puts on an instance pod (its own, not app.kubernetes.io/part-of: kontor, so the default
     * deny does not cover it). Only the services, the other instances, the operator and Prometheus may reach it (#24).
     */
    @ParameterizedTest(name = "overlays/{0}")
    @ValueSource(strings = {"dev", "prod"})
    void the_database_pods_are_reached_only_by_the_services_each_other_the_operator_and_monitoring(String overlay) {
        Manifests manifests = Manifests.overlay(overlay);
        Map<String, String> instance = Map.of(
                "cnpg.io/cluster", "kontor-postgres",
                "cnpg.io/instanceName", "kontor-postgres-1",
                "cnpg.io/podRole", "instance",
                "role", "primary");

        List<NetworkPolicy> ingress = policies(manifests, instance, "Ingress");
        assertThat(ingress).as("Ingress policies selecting a CNPG instance pod").isNotEmpty();
        List<NetworkPolicyPeer> from = ingress.stream()
                .flatMap(p -> p.getSpec().getIngress().stream())
                .flatMap(rule -> rule.getFrom().stream())
                .toList();
        assertThat(from).allSatisfy(peer -> assertThat(peer.getIpBlock()).isNull());
        assertThat(from.stream()
                        .filter(peer -> peer.getNamespaceSelector() == null)
                        .map(peer -> peer.getPodSelector().getMatchLabels())
                        .collect(Collectors.toSet()))
                .isEqualTo(Set.of(
                        Map.of("app.kubernetes.io/part-of", "kontor", "app.kubernetes.io/component", "service"),
                        POSTGRES_PODS));
        assertThat(from.stream()
                        .filter(peer -> peer.getNamespaceSelector() != null)
                        .map(peer ->
                                peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name"))
                        .collect(Collectors.toSet()))
                .isEqualTo(Set.of("cnpg-system", "monitoring"));
        assertThat(ingress.stream()
                        .flatMap(p -> p.getSpec().getIngress().stream())
                        .filter(rule -> rule.getFrom().stream().anyMatch(peer -> peer.getNamespaceSelector() == null))
                        .flatMap(rule -> rule.getPorts().stream())
                        .map(port -> port.getPort().getIntVal()))
                .as("ports the services and the other instances reach")
                .containsExactly(5432);
    }

    static Map<String, String> labels(Deployment deployment) {
        return deployment.getSpec().getTemplate().getMetadata().getLabels();
    }

    static List<NetworkPolicy> policies(Manifests manifests, Map<String, String> podLabels, String type) {
        return manifests.all(NetworkPolicy.class).stream()
                .filter(p -> p.getSpec().getPolicyTypes().contains(type))
                .filter(p -> selects(p.getSpec().getPodSelector(), podLabels))
                .toList();
    }

    static boolean selects(LabelSelector selector, Map<String, String> labels) {
        assertThat(selector.getMatchExpressions())
                .as("matchExpressions are not evaluated here")
                .isEmpty();
        return labels.entrySet().containsAll(selector.getMatchLabels().entrySet());
    }
}
