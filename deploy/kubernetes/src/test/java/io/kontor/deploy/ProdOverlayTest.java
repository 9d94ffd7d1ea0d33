package io.kontor.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Production: three or more replicas (the HPA's) spread over nodes, scaled on CPU, drained one at a time; PostgreSQL
 * with failover.
 */
class ProdOverlayTest {

    static final Manifests PROD = Manifests.overlay("prod");

    static Stream<Arguments> deployments() {
        return PROD.all(Deployment.class).stream()
                .map(d -> Arguments.of(d.getMetadata().getName(), d));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deployments")
    void spread_over_nodes_and_zones(String name, Deployment deployment) {
        var spread = deployment.getSpec().getTemplate().getSpec().getTopologySpreadConstraints();
        assertThat(spread)
                .extracting(c -> c.getTopologyKey())
                .containsExactlyInAnyOrder("kubernetes.io/hostname", "topology.kubernetes.io/zone");
        assertThat(spread).allSatisfy(constraint -> {
            assertThat(constraint.getMaxSkew()).isEqualTo(1);
            // The selector must find this Deployment's pods, or the spread counts nothing.
            assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                    .containsAllEntriesOf(constraint.getLabelSelector().getMatchLabels());
            assertThat(constraint.getMatchLabelKeys()).containsExactly("pod-template-hash");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deployments")
    void no_replica_count_in_the_deployment_so_that_an_apply_never_undoes_the_autoscaler(
            String name, Deployment deployment) {
        assertThat(deployment.getSpec().getReplicas())
                .as("spec.replicas of %s: the HorizontalPodAutoscaler owns it", name)
                .isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deployments")
    void scaled_on_cpu_from_three_replicas(String name, Deployment deployment) {
        HorizontalPodAutoscaler hpa = PROD.all(HorizontalPodAutoscaler.class).stream()
                .filter(h -> h.getSpec().getScaleTargetRef().getName().equals(name))
                .findFirst()
                .orElseThrow();

        assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(3);
        assertThat(hpa.getSpec().getMaxReplicas()).isGreaterThan(hpa.getSpec().getMinReplicas());
        assertThat(hpa.getSpec().getMetrics()).singleElement().satisfies(metric -> {
            assertThat(metric.getResource().getName()).isEqualTo("cpu");
            assertThat(metric.getResource().getTarget().getAverageUtilization()).isBetween(50, 90);
        });
        // Utilisation is relative to the request: without one the HPA cannot compute it.
        assertThat(deployment
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0)
                        .getResources()
                        .getRequests())
                .containsKey("cpu");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deployments")
    void a_disruption_budget_lets_only_one_replica_go_at_a_time(String name, Deployment deployment) {
        Map<String, String> podLabels =
                deployment.getSpec().getTemplate().getMetadata().getLabels();
        PodDisruptionBudget budget = PROD.all(PodDisruptionBudget.class).stream()
                .filter(b -> podLabels
                        .entrySet()
                        .containsAll(b.getSpec().getSelector().getMatchLabels().entrySet()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no PodDisruptionBudget selects " + name));

        assertThat(budget.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
        assertThat(budget.getSpec().getSelector().getMatchLabels()).containsEntry("app.kubernetes.io/name", name);
    }

    @Test
    void postgres_runs_a_primary_and_two_replicas_on_different_nodes() {
        Cnpg.Cluster cluster = PROD.one(Cnpg.Cluster.class);

        assertThat(cluster.spec().instances()).isEqualTo(3);
        assertThat(cluster.spec().affinity().enablePodAntiAffinity()).isTrue();
        assertThat(cluster.spec().affinity().podAntiAffinityType()).isEqualTo("required");
    }

    @Test
    void the_ingress_exposes_only_the_gateways_api_and_documentation_over_tls() {
        Ingress ingress = PROD.one(Ingress.class);

        assertThat(ingress.getSpec().getTls()).singleElement().satisfies(tls -> {
            assertThat(tls.getSecretName()).isNotBlank();
            assertThat(tls.getHosts())
                    .containsExactly(ingress.getSpec().getRules().get(0).getHost());
        });
        assertThat(ingress.getSpec().getRules())
                .flatExtracting(rule -> rule.getHttp().getPaths())
                .allSatisfy(path -> {
                    assertThat(path.getBackend().getService().getName()).isEqualTo("gateway");
                    assertThat(path.getPath()).isIn("/api", "/q/openapi", "/q/swagger-ui");
                });
    }

    @Test
    void dev_runs_one_replica_of_everything_and_no_ingress() {
        Manifests dev = Manifests.overlay("dev");

        assertThat(dev.all(Deployment.class))
                .allSatisfy(d -> assertThat(d.getSpec().getReplicas()).isEqualTo(1));
        assertThat(dev.one(Cnpg.Cluster.class).spec().instances()).isEqualTo(1);
        assertThat(dev.all(HorizontalPodAutoscaler.class)).isEmpty();
        assertThat(dev.all(Ingress.class)).isEmpty();
    }
}
