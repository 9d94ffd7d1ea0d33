package io.kontor.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The same hardening for every workload of every overlay (microservices-demo style). */
class WorkloadHardeningTest {

    private static final String[] LAUNCHER_JVM_OPTIONS = launcherJvmOptions();
    private static final Pattern XMX = Pattern.compile("-Xmx(\\d+)m");

    static Stream<Arguments> workloads() {
        return Stream.of("dev", "prod")
                .flatMap(overlay -> Manifests.overlay(overlay).all(Deployment.class).stream()
                        .flatMap(d -> d.getSpec().getTemplate().getSpec().getContainers().stream()
                                .map(c -> Arguments.of(overlay, d.getMetadata().getName(), d, c))));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("workloads")
    void probes_ask_quarkus_health(String overlay, String name, Deployment deployment, Container container) {
        assertThat(path(container.getStartupProbe())).isEqualTo("/q/health/started");
        assertThat(path(container.getLivenessProbe())).isEqualTo("/q/health/live");
        assertThat(path(container.getReadinessProbe())).isEqualTo("/q/health/ready");
        Stream.of(container.getStartupProbe(), container.getLivenessProbe(), container.getReadinessProbe())
                .forEach(probe ->
                        assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("management"));
        assertThat(container.getPorts()).anySatisfy(port -> {
            assertThat(port.getName()).isEqualTo("http");
            assertThat(port.getContainerPort()).isEqualTo(8080);
        });
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("workloads")
    void memory_is_reserved_as_limited_and_the_heap_is_about_half_of_it(
            String overlay, String name, Deployment deployment, Container container) {
        var requests = container.getResources().getRequests();
        var limits = container.getResources().getLimits();
        assertThat(requests).containsKeys("cpu", "memory");
        assertThat(limits).containsKeys("cpu", "memory");
        // Equal request and limit: the scheduler reserves what the JVM may take, no OOM kill under node pressure.
        assertThat(bytes(requests.get("memory"))).isEqualTo(bytes(limits.get("memory")));

        String javaOptions = env(container, "JAVA_OPTS_APPEND");
        Matcher xmx = XMX.matcher(javaOptions);
        assertThat(xmx.find()).as("-Xmx in JAVA_OPTS_APPEND").isTrue();
        double heapShare = Long.parseLong(xmx.group(1))
                * 1024
                * 1024
                / bytes(limits.get("memory")).doubleValue();
        assertThat(heapShare).isBetween(0.4, 0.6);
        // The variable replaces what the image sets in it (Jib: quarkus.jib.jvm-arguments for run-java.sh), so both
        // stay.
        assertThat(javaOptions)
                .contains("-Dquarkus.http.host=0.0.0.0", "-Djava.util.logging.manager=org.jboss.logmanager.LogManager");
        // #23: a heap that starts small and follows the live data, a bounded code cache and pool, the image's AppCDS
        // archive, and glibc's malloc arenas bounded, as the launcher's JVMs have them (JvmOptionsTest).
        assertThat(javaOptions)
                .contains(
                        "-Xms32m",
                        "-XX:MinHeapFreeRatio=10",
                        "-XX:MaxHeapFreeRatio=30",
                        "-XX:ReservedCodeCacheSize=48m",
                        "-XX:SharedArchiveFile=/home/jboss/app-cds.jsa",
                        "-Xshare:auto",
                        "-Dquarkus.thread-pool.max-threads=");
        // The launcher's JVMs and the Deployments' run with the same flags, from one file.
        assertThat(javaOptions.split(" ")).as("the launcher's jvm.options").contains(LAUNCHER_JVM_OPTIONS);
        assertThat(env(container, "MALLOC_ARENA_MAX")).isEqualTo("2");
        // The image's run-java.sh adds -XX:+UseParallelGC unless told otherwise; a second collector flag in
        // JAVA_OPTS_APPEND would stop the JVM ("conflicting collector combinations").
        assertThat(env(container, "GC_CONTAINER_OPTIONS")).isEqualTo("-XX:+UseSerialGC");
        assertThat(javaOptions).doesNotContainPattern("-XX:\\+Use\\w*GC");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("workloads")
    void runs_as_non_root_on_a_read_only_root_without_capabilities(
            String overlay, String name, Deployment deployment, Container container) {
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        assertThat(pod.getHostNetwork()).isNotEqualTo(Boolean.TRUE);

        var security = container.getSecurityContext();
        assertThat(security.getRunAsNonRoot()).isTrue();
        assertThat(security.getReadOnlyRootFilesystem()).isTrue();
        assertThat(security.getAllowPrivilegeEscalation()).isFalse();
        assertThat(security.getPrivileged()).isNotEqualTo(Boolean.TRUE);
        assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(security.getCapabilities().getAdd()).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("workloads")
    void the_only_writable_directory_is_an_empty_dir_on_tmp(
            String overlay, String name, Deployment deployment, Container container) {
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        String tmpVolume = container.getVolumeMounts().stream()
                .filter(m -> m.getMountPath().equals("/tmp"))
                .findFirst()
                .orElseThrow()
                .getName();
        Volume volume = pod.getVolumes().stream()
                .filter(v -> v.getName().equals(tmpVolume))
                .findFirst()
                .orElseThrow();
        assertThat(volume.getEmptyDir()).isNotNull();
        assertThat(container.getVolumeMounts())
                .filteredOn(m -> !m.getMountPath().equals("/tmp"))
                .allSatisfy(
                        m -> assertThat(m.getReadOnly()).as(m.getMountPath()).isTrue());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("workloads")
    void the_image_is_pinned_and_configuration_comes_from_config_maps_and_secrets(
            String overlay, String name, Deployment deployment, Container container) {
        assertThat(container.getImage())
                .matches("[a-z0-9.-]+(/[a-z0-9._-]+)+:[0-9][A-Za-z0-9._-]*")
                .doesNotEndWith(":latest");
        assertThat(container.getEnvFrom())
                .isNotEmpty()
                .allSatisfy(source -> assertThat(source.getConfigMapRef() != null || source.getSecretRef() != null)
                        .as("envFrom names a ConfigMap or a Secret (SMTP settings)")
                        .isTrue());
        // No password in plain sight: a variable holding one is read from a Secret.
        container.getEnv().stream()
                .filter(e -> e.getName().matches(".*(PASSWORD|JAAS|SECRET|TOKEN).*"))
                .forEach(e -> assertThat(e.getValueFrom().getSecretKeyRef())
                        .as(e.getName())
                        .isNotNull());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("workloads")
    void a_rollout_starts_the_new_replica_before_it_stops_an_old_one(
            String overlay, String name, Deployment deployment, Container container) {
        var rolling = deployment.getSpec().getStrategy().getRollingUpdate();
        assertThat(rolling.getMaxUnavailable().getIntVal()).isZero();
        assertThat(rolling.getMaxSurge().getIntVal()).isEqualTo(1);
    }

    private static String path(Probe probe) {
        assertThat(probe).isNotNull();
        return probe.getHttpGet().getPath();
    }

    private static BigDecimal bytes(Quantity quantity) {
        return Quantity.getAmountInBytes(quantity);
    }

    private static String env(Container container, String name) {
        return container.getEnv().stream()
                .filter(e -> e.getName().equals(name))
                .map(EnvVar::getValue)
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not set"));
    }

    private static String[] launcherJvmOptions() {
        try {
            return Files.readAllLines(Manifests.ROOT.resolve("../local/src/main/resources/io/kontor/local/jvm.options"))
                    .stream()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toArray(String[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
