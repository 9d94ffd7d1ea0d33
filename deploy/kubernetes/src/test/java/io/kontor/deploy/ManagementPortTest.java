package io.kontor.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Health and metrics live on Quarkus' management interface, port 9000 (issue #22): the probes, the Prometheus
 * annotations and the PodMonitor ask that port, the Services carry only the API port, and the network policies let
 * Prometheus reach the management port and nothing else, the ingress and the gateway the API port and nothing else.
 */
class ManagementPortTest {

    static final int API_PORT = 8080;
    static final int MANAGEMENT_PORT = 9000;

    static Stream<Arguments> workloads() {
        return Stream.of("dev", "prod").flatMap(overlay -> {
            Manifests manifests = Manifests.overlay(overlay);
            return manifests.all(Deployment.class).stream()
                    .map(d -> Arguments.of(overlay, d.getMetadata().getName(), manifests, d));
        });
    }

    @Test
    void the_applications_serve_health_and_metrics_on_the_management_interface_at_9000() throws IOException {
        // Every application gets its defaults from platform-core; 9000 is Quarkus' default management port, unset
        // there.
        Properties defaults = new Properties();
        try (Reader in = Files.newBufferedReader(Manifests.ROOT.resolve(
                "../../platform/core/src/main/resources/META-INF/microprofile-config.properties"))) {
            defaults.load(in);
        }
        assertThat(defaults.getProperty("quarkus.management.enabled")).isEqualTo("true");
        assertThat(defaults.getProperty("quarkus.management.port")).isNull();
        // The gateway merges the services' OpenAPI documents from their API port.
        assertThat(defaults.getProperty("quarkus.smallrye-openapi.management.enabled"))
                .isEqualTo("false");
    }

    @Test
    void the_image_exposes_both_ports() throws Exception {
        assertThat(ImagesTest.rootProperties().get("quarkus.jib.ports")).isEqualTo(API_PORT + "," + MANAGEMENT_PORT);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("workloads")
    void probes_and_scrapes_ask_the_management_port(
            String overlay, String name, Manifests manifests, Deployment deployment) {
        Container container =
                deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(container.getPorts())
                .extracting(ContainerPort::getName, ContainerPort::getContainerPort)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("http", API_PORT),
                        org.assertj.core.groups.Tuple.tuple("management", MANAGEMENT_PORT));
        for (Probe probe :
                List.of(container.getStartupProbe(), container.getLivenessProbe(), container.getReadinessProbe())) {
            assertThat(probe.getHttpGet().getPath()).startsWith("/q/health/");
            assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("management");
        }
        Map<String, String> annotations =
                deployment.getSpec().getTemplate().getMetadata().getAnnotations();
        assertThat(annotations)
                .containsEntry("prometheus.io/port", Integer.toString(MANAGEMENT_PORT))
                .containsEntry("prometheus.io/path", "/q/metrics");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("workloads")
    void the_service_carries_the_api_port_only(
            String overlay, String name, Manifests manifests, Deployment deployment) {
        Service service = manifests.all(Service.class).stream()
                .filter(s -> s.getMetadata().getName().equals(name))
                .findFirst()
                .orElseThrow();
        assertThat(service.getSpec().getPorts())
                .extracting(ServicePort::getPort, p -> p.getTargetPort().getStrVal())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(API_PORT, "http"));
    }

    @Test
    void the_pod_monitor_scrapes_the_management_port() {
        Manifests prod = Manifests.overlay("prod");
        PodMonitor services = prod.all(PodMonitor.class).stream()
                .filter(m -> m.getMetadata().getName().equals("kontor-services"))
                .findFirst()
                .orElseThrow();
        assertThat(services.getSpec().getPodMetricsEndpoints()).singleElement().satisfies(endpoint -> {
            assertThat(endpoint.getPort()).isEqualTo("management");
            assertThat(endpoint.getPath()).isEqualTo("/q/metrics");
        });
    }

    /** Prometheus (namespace monitoring) reaches 9000 and only 9000; 9000 is reached from nowhere else. */
    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("workloads")
    void only_prometheus_reaches_the_management_port_and_it_reaches_nothing_else(
            String overlay, String name, Manifests manifests, Deployment deployment) {
        Map<String, String> labels =
                deployment.getSpec().getTemplate().getMetadata().getLabels();
        List<NetworkPolicyIngressRule> rules = manifests.all(NetworkPolicy.class).stream()
                .filter(p -> p.getSpec().getPolicyTypes().contains("Ingress"))
                .filter(p -> labels.entrySet()
                        .containsAll(
                                p.getSpec().getPodSelector().getMatchLabels().entrySet()))
                .flatMap(p -> p.getSpec().getIngress().stream())
                .toList();
        assertThat(rules).isNotEmpty();
        for (NetworkPolicyIngressRule rule : rules) {
            Set<Integer> ports = rule.getPorts().stream()
                    .map(NetworkPolicyPort::getPort)
                    .map(port -> port.getIntVal())
                    .collect(Collectors.toSet());
            boolean fromMonitoring = rule.getFrom().stream().anyMatch(ManagementPortTest::isMonitoring);
            if (fromMonitoring) {
                assertThat(rule.getFrom())
                        .allSatisfy(peer -> assertThat(isMonitoring(peer))
                                .as("a rule for Prometheus admits Prometheus only")
                                .isTrue());
                assertThat(ports).containsExactly(MANAGEMENT_PORT);
            } else {
                assertThat(ports).containsExactly(API_PORT);
            }
        }
    }

    private static boolean isMonitoring(NetworkPolicyPeer peer) {
        return peer.getNamespaceSelector() != null
                && "monitoring"
                        .equals(peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name"));
    }
}
