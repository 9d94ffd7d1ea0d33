package io.kontor.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Real Kafka and PostgreSQL for every {@code @QuarkusTest} of a module, started once per JVM (see {@link TestInfra}).
 *
 * <p>A module switches it on with one annotation on any one class in {@code src/test/java}:
 *
 * <pre>
 * &#64;QuarkusTestResource(KontorTestResources.class)
 * public class KontorTestInfrastructure {
 * }
 * </pre>
 *
 * Quarkus discovers every {@code @QuarkusTestResource} in the test sources and, as long as
 * {@code restrictToAnnotatedClass} keeps its default {@code false}, applies it to all tests of the module. The resource
 * provides {@code kafka.bootstrap.servers}, {@code quarkus.datasource.jdbc.url}, {@code quarkus.datasource.username}
 * and {@code quarkus.datasource.password}; the module's {@code %test} profile still needs
 * {@code quarkus.devservices.enabled=false}.
 */
public class KontorTestResources implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        // Both start in 3-5 s; side by side the first test waits for the slower one only.
        CompletableFuture<String> jdbcUrl = CompletableFuture.supplyAsync(TestInfra::jdbcUrl);
        String bootstrapServers = TestInfra.bootstrapServers();
        return Map.of(
                "kafka.bootstrap.servers", bootstrapServers,
                "quarkus.datasource.jdbc.url", jdbcUrl.join(),
                "quarkus.datasource.username", TestInfra.postgres().username(),
                "quarkus.datasource.password", TestInfra.postgres().password());
    }

    @Override
    public void stop() {
        // Nothing: Quarkus stops resources before starting the application for another test
        // profile, which reuses the same broker and database. They end with the JVM.
    }
}
