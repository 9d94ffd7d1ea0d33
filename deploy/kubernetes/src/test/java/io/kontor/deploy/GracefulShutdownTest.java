package io.kontor.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A rolling update or a drain loses no request: Kubernetes takes the pod out of the Service's endpoints and sends
 * SIGTERM at the same time, so the pod first sleeps (preStop) until the proxies stopped sending to it, then Quarkus
 * lets requests in flight finish ({@code quarkus.shutdown.timeout}); the grace period must cover both, or the kubelet
 * kills the JVM in the middle of a request.
 */
class GracefulShutdownTest {

    static Stream<Arguments> deployments() {
        return Stream.of("dev", "prod")
                .flatMap(overlay -> Manifests.overlay(overlay).all(Deployment.class).stream()
                        .map(d -> Arguments.of(overlay + "/" + d.getMetadata().getName(), d)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deployments")
    void the_pod_drains_before_it_stops_and_the_grace_period_covers_drain_and_shutdown(String name, Deployment d) {
        Container container =
                d.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(container.getLifecycle()).as("%s: lifecycle.preStop", name).isNotNull();
        List<String> command = container.getLifecycle().getPreStop().getExec().getCommand();
        assertThat(command).as("%s: preStop", name).hasSize(2).startsWith("sleep");
        Duration drain = Duration.ofSeconds(Long.parseLong(command.get(1)));
        Duration shutdown = seconds(shutdownTimeout(name.substring(0, name.indexOf('/'))));

        assertThat(drain)
                .as("%s: long enough for kube-proxy and the ingress", name)
                .isGreaterThanOrEqualTo(Duration.ofSeconds(3));
        assertThat(Duration.ofSeconds(d.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds()))
                .as("%s: terminationGracePeriodSeconds against preStop %s + shutdown %s", name, drain, shutdown)
                .isGreaterThan(drain.plus(shutdown));
    }

    /** QUARKUS_SHUTDOWN_TIMEOUT of the platform ConfigMap every workload reads. */
    static String shutdownTimeout(String overlay) {
        ConfigMap platform = Manifests.overlay(overlay).all(ConfigMap.class).stream()
                .filter(c -> c.getMetadata().getName().equals("kontor-platform"))
                .findFirst()
                .orElseThrow();
        String value = platform.getData().get("QUARKUS_SHUTDOWN_TIMEOUT");
        assertThat(value)
                .as("QUARKUS_SHUTDOWN_TIMEOUT in kontor-platform (overlays/%s)", overlay)
                .isNotNull();
        return value;
    }

    private static Duration seconds(String text) {
        assertThat(text).endsWith("s");
        return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
    }
}
