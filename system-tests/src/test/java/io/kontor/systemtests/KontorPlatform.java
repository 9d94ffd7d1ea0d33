package io.kontor.systemtests;

import io.kontor.local.App;
import io.kontor.local.LocalPlatform;
import io.kontor.local.Options;
import io.kontor.local.RepoRoot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the whole platform (PostgreSQL, Kafka, the six services, the gateway) once for every system test of the run,
 * and stops it after the last one. Every application exports its traces over OTLP to the run's {@link TraceCollector},
 * as a cluster's applications do to the collector an operator names. Data lives in
 * {@code system-tests/target/platform}, wiped at each start; the applications' logs stay there afterwards
 * ({@code logs/<service>.log}) for a look at a failure.
 *
 * <p>A test class gets the platform by {@code @ExtendWith(KontorPlatform.class)} (or by extending {@link SystemTest})
 * and a {@link LocalPlatform} (or {@link TraceCollector}) parameter wherever JUnit resolves parameters.
 */
public final class KontorPlatform implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KontorPlatform.class);
    // Seven JVMs starting at once on a shared 2-core machine: generous, a failure shows the log tail anyway.
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);

    @Override
    public void beforeAll(ExtensionContext context) {
        platform(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == LocalPlatform.class || type == TraceCollector.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (parameter.getParameter().getType() == TraceCollector.class) {
            return traces(context);
        }
        return platform(context);
    }

    static LocalPlatform platform(ExtensionContext context) {
        // The root context's store lives for the whole run and closes what it holds (AutoCloseable) at its end.
        return context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent(Run.class, key -> Run.start(), Run.class)
                .platform();
    }

    /**
     * One start of the platform for the run, or why it failed: later test classes fail at once instead of starting
     * again.
     */
    /**
     * From "ready" to the first customer in accounting's replica, measured right after the start, before any test
     * warmed anything up: what a newcomer sees who runs the README's first call at once ({@code ReadyMeansReadyTest}).
     */
    static volatile Duration readyToFirstReplica;

    /** The collector the platform of this run exports its spans to. */
    static TraceCollector traces(ExtensionContext context) {
        platform(context);
        return context.getRoot().getStore(NAMESPACE).get(Run.class, Run.class).traces();
    }

    private record Run(LocalPlatform started, TraceCollector traces, RuntimeException failure)
            implements AutoCloseable {

        static Run start() {
            TraceCollector traces = TraceCollector.start();
            // From the repository root rather than the working directory, which differs between Maven and IDEs.
            Path repoRoot = RepoRoot.find(Path.of(""));
            Options options = Options.forRepo(repoRoot)
                    .withDataDir(
                            repoRoot.resolve("system-tests").resolve("target").resolve("platform"))
                    .withClean(true)
                    // Never 8080: a developer's own platform may run there.
                    .withGatewayPort(Options.ANY_FREE_PORT)
                    .withReadyTimeout(READY_TIMEOUT)
                    .withProgress(line -> System.out.println("[platform] " + line));
            for (App app : App.values()) {
                options = options.withSystemProperties(app, traces.exportSettings());
                if (app.database().isPresent()) {
                    // Seven JVMs migrating at once on a shared machine (load 40+) took longer than Agroal's 5 s for
                    // a first connection, and a service stopped at Flyway; nothing here measures that wait.
                    options = options.withSystemProperties(
                            app, Map.of("quarkus.datasource.jdbc.acquisition-timeout", "30s"));
                }
            }
            try {
                LocalPlatform platform = LocalPlatform.start(options);
                System.out.printf(
                        "[platform] all ready in %.1f s, gateway %s%n",
                        platform.startupTime().toMillis() / 1000.0, platform.gatewayUrl());
                // From the first request on, every request and answer of the tests is checked against the API
                // document (issue #25).
                io.restassured.RestAssured.filters(ApiConformance.fetch(platform.gatewayUrl()));
                readyToFirstReplica = FirstReplica.measure(platform);
                System.out.printf(
                        "[platform] ready to the first replicated customer: %d ms%n", readyToFirstReplica.toMillis());
                return new Run(platform, traces, null);
            } catch (RuntimeException e) {
                traces.close();
                return new Run(null, null, e);
            }
        }

        LocalPlatform platform() {
            if (failure != null) {
                throw new IllegalStateException("The platform did not start: " + failure.getMessage(), failure);
            }
            return started;
        }

        @Override
        public void close() {
            if (started != null) {
                started.close();
            }
            if (traces != null) {
                traces.close();
            }
        }
    }
}
