package io.kontor.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
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
 * provides {@code kafka.bootstrap.servers} with the application's own Kafka login, {@code quarkus.datasource.jdbc.url},
 * {@code quarkus.datasource.username} and {@code quarkus.datasource.password} and the {@code quarkus.mailer.*} settings
 * of a real SMTP server ({@link TestMail} reads what arrived over IMAP); the module's {@code %test} profile still needs
 * {@code quarkus.devservices.enabled=false}.
 */
public class KontorTestResources implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        // Both start in 3-5 s; side by side the first test waits for the slower one only.
        CompletableFuture<String> jdbcUrl = CompletableFuture.supplyAsync(TestInfra::jdbcUrl);
        Map<String, String> config = new LinkedHashMap<>();
        // The application logs in as its own principal, as in the cluster, so a topic its ACLs do not grant fails
        // here too. The platform's defaults name the SASL mechanism; only the secrets differ by environment.
        config.putAll(TestInfra.quarkusKafkaConfig(applicationName()));
        config.putAll(TestInfra.quarkusMailerConfig());
        config.put("quarkus.datasource.jdbc.url", jdbcUrl.join());
        config.put("quarkus.datasource.username", TestInfra.postgres().username());
        config.put("quarkus.datasource.password", TestInfra.postgres().password());
        return config;
    }

    // The Kafka principal is the application's name, as the KafkaUser is the Deployment's. Read from the file rather
    // than from Quarkus' configuration, which is not built yet when test resources start.
    private static String applicationName() {
        try (InputStream in =
                Thread.currentThread().getContextClassLoader().getResourceAsStream("application.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            String name = properties.getProperty("quarkus.application.name");
            if (name == null) {
                throw new IllegalStateException(
                        "KontorTestResources needs quarkus.application.name in application.properties: it is the"
                                + " application's Kafka principal");
            }
            return name;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        // Nothing: Quarkus stops resources before starting the application for another test
        // profile, which reuses the same broker and database. They end with the JVM.
    }
}
