package io.kontor.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * How to run the platform. Start from {@link #forRepo(Path)} and adjust with the {@code with…} methods.
 *
 * @param repoRoot the Kontor checkout whose built applications ({@code <module>/target/quarkus-app}) run
 * @param dataDir Kafka's log dir, PostgreSQL's data dir and the application logs; kept between runs
 * @param clean delete the data of earlier runs first
 * @param gatewayPort {@link #PREFERRED_GATEWAY_PORT} if free else any ({@link #GATEWAY_PORT_PREFERRED_ELSE_FREE}), any
 *     free port ({@link #ANY_FREE_PORT}), or exactly this port
 * @param readyTimeout how long one process may take to report ready
 * @param apps which applications to run; PostgreSQL and Kafka always run
 * @param progress where progress lines go
 * @param systemProperties extra {@code -D} settings per application, after the launcher's own (so they win); for
 *     benchmarks and tests that run an application with other settings than the local defaults
 */
public record Options(
        Path repoRoot,
        Path dataDir,
        boolean clean,
        int gatewayPort,
        Duration readyTimeout,
        Set<App> apps,
        Consumer<String> progress,
        Map<App, Map<String, String>> systemProperties) {

    public static final int PREFERRED_GATEWAY_PORT = 8080;
    public static final int GATEWAY_PORT_PREFERRED_ELSE_FREE = -1;
    public static final int ANY_FREE_PORT = 0;
    public static final String DEFAULT_DATA_DIR = ".kontor-data";
    // A cold JVM on a busy 2-core machine, starting next to four others, needs far more than the 4 s it takes alone.
    public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(180);

    public Options {
        Objects.requireNonNull(repoRoot, "repoRoot");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(readyTimeout, "readyTimeout");
        Objects.requireNonNull(progress, "progress");
        repoRoot = repoRoot.toAbsolutePath().normalize();
        dataDir = dataDir.toAbsolutePath().normalize();
        if (gatewayPort < GATEWAY_PORT_PREFERRED_ELSE_FREE || gatewayPort > 65_535) {
            throw new IllegalArgumentException("Not a port: " + gatewayPort);
        }
        if (readyTimeout.isNegative() || readyTimeout.isZero()) {
            throw new IllegalArgumentException("The ready timeout must be positive: " + readyTimeout);
        }
        if (apps == null || apps.isEmpty()) {
            throw new IllegalArgumentException("No application to run");
        }
        // Unmodifiable, in the enum's order: the services, then the gateway.
        apps = Collections.unmodifiableSet(EnumSet.copyOf(apps));
        Objects.requireNonNull(systemProperties, "systemProperties");
        Map<App, Map<String, String>> copy = new EnumMap<>(App.class);
        systemProperties.forEach((app, properties) -> copy.put(app, Map.copyOf(properties)));
        systemProperties = Collections.unmodifiableMap(copy);
    }

    /**
     * Every application, data in {@code <repoRoot>/.kontor-data} kept from earlier runs, the gateway on 8080 if that is
     * free.
     */
    public static Options forRepo(Path repoRoot) {
        return new Options(
                repoRoot,
                repoRoot.resolve(DEFAULT_DATA_DIR),
                false,
                GATEWAY_PORT_PREFERRED_ELSE_FREE,
                DEFAULT_READY_TIMEOUT,
                EnumSet.allOf(App.class),
                line -> System.out.println("[kontor] " + line),
                Map.of());
    }

    public Options withDataDir(Path dataDir) {
        return new Options(repoRoot, dataDir, clean, gatewayPort, readyTimeout, apps, progress, systemProperties);
    }

    public Options withClean(boolean clean) {
        return new Options(repoRoot, dataDir, clean, gatewayPort, readyTimeout, apps, progress, systemProperties);
    }

    public Options withGatewayPort(int gatewayPort) {
        return new Options(repoRoot, dataDir, clean, gatewayPort, readyTimeout, apps, progress, systemProperties);
    }

    public Options withReadyTimeout(Duration readyTimeout) {
        return new Options(repoRoot, dataDir, clean, gatewayPort, readyTimeout, apps, progress, systemProperties);
    }

    public Options withApps(Set<App> apps) {
        return new Options(repoRoot, dataDir, clean, gatewayPort, readyTimeout, apps, progress, systemProperties);
    }

    /** Adds {@code -Dname=value} settings for one application, replacing earlier ones of the same names. */
    public Options withSystemProperties(App app, Map<String, String> properties) {
        Map<App, Map<String, String>> merged = new EnumMap<>(App.class);
        merged.putAll(systemProperties);
        Map<String, String> forApp = new LinkedHashMap<>(systemProperties.getOrDefault(app, Map.of()));
        forApp.putAll(properties);
        merged.put(app, forApp);
        return new Options(repoRoot, dataDir, clean, gatewayPort, readyTimeout, apps, progress, merged);
    }

    public Options withProgress(Consumer<String> progress) {
        return new Options(repoRoot, dataDir, clean, gatewayPort, readyTimeout, apps, progress, systemProperties);
    }
}
