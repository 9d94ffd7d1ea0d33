package io.kontor.local;

import io.kontor.devinfra.DevJwt;
import io.kontor.devinfra.KafkaBroker;
import io.kontor.devinfra.MailServer;
import io.kontor.devinfra.OrphanGuard;
import io.kontor.devinfra.Postgres;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The command line and environment of one application's JVM, from what the launcher started before it (PostgreSQL,
 * Kafka, mail) and the addresses of the others.
 */
final class AppCommand {

    // The main class of a Quarkus fast-jar (what quarkus-run.jar's manifest names), run by OrphanGuard.
    private static final String QUARKUS_MAIN = "io.quarkus.bootstrap.runner.QuarkusEntryPoint";
    // The services' health checks, config and ports answer here only; nothing is reachable from other machines.
    static final String HOST = "127.0.0.1";
    static final String EXTRA_JVM_OPTIONS = "kontor.launcher.jvm-options";
    private static final List<String> SHARED_JVM_OPTIONS = sharedJvmOptions();
    static final Duration RECORDING_STOP_TIMEOUT = Duration.ofSeconds(60);

    private final Options options;
    private final DataDir dataDir;
    private final Postgres postgres;
    private final KafkaBroker kafka;
    private final MailServer mail;
    private final Map<App, AppProcess> apps;

    AppCommand(
            Options options,
            DataDir dataDir,
            Postgres postgres,
            KafkaBroker kafka,
            MailServer mail,
            Map<App, AppProcess> apps) {
        this.options = options;
        this.dataDir = dataDir;
        this.postgres = postgres;
        this.kafka = kafka;
        this.mail = mail;
        this.apps = apps;
    }

    /**
     * The JVM of one application: the production profile, configured the standard Quarkus way (system properties, which
     * outrank application.properties) and, for secrets and the services' own {@code ${…}} placeholders, the
     * environment.
     */
    ProcessBuilder of(App app, int port, int managementPort) {
        List<String> command = new ArrayList<>(List.of(javaBinary()));
        command.addAll(jvmOptions(app));
        command.addAll(extraJvmOptions());
        command.addAll(List.of(
                dataDir.marker(),
                "-Dkontor.local.app=" + app.module(),
                "-Dquarkus.http.host=" + HOST,
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.management.host=" + HOST,
                "-Dquarkus.management.port=" + managementPort,
                // Logs are files here, read by people: plain text rather than the production JSON.
                "-Dquarkus.log.console.json.enabled=false",
                "-Dkafka.bootstrap.servers=" + kafka.bootstrapServers()));
        ProcessBuilder builder = new ProcessBuilder();
        Map<String, String> env = builder.environment();
        // glibc gives every thread that allocates its own 64 MB malloc arena; two keep native memory (Netty, Kafka,
        // the JIT) from growing with the thread count.
        env.put("MALLOC_ARENA_MAX", "2");
        env.put("KONTOR_JWT_ISSUER", DevJwt.ISSUER);
        env.put("KONTOR_JWT_PUBLIC_KEY_LOCATION", dataDir.jwtPublicKey().toString());
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        // The same keys the cluster's ConfigMap and KafkaUser Secret set; the application logs in as itself (its module
        // is its Kafka principal), without TLS on loopback.
        env.put("KAFKA_SECURITY_PROTOCOL", kafka.clientProperties(app.module()).get("security.protocol"));
        env.put("KAFKA_SASL_JAAS_CONFIG", kafka.jaasConfig(app.module()));
        // Outgoing mail goes to the launcher's mail server, where a person reads it over IMAP (see the banner).
        env.putAll(MailServer.environment(mail.smtpPort(), mail.imapPort()));
        if (app.isService()) {
            // The business calendar; the gateway's rate limits, circuit breakers and dev tokens keep the real time.
            command.add("-Dkontor.clock.shift-file=" + dataDir.clockShiftFile());
        }
        if (app == App.PROCESSES) {
            // A shift of the calendar shows stuck cases within seconds here, not at the cluster's five-minute watch.
            command.add("-Dkontor.process.sla-check-every=5s");
        }
        app.database().ifPresent(database -> {
            String url = postgres.jdbcUrl(database);
            command.add("-Dquarkus.datasource.jdbc.url=" + url);
            command.add("-Dquarkus.datasource.username=" + postgres.username());
            env.put("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
            env.put("KONTOR_DB_URL", url);
            env.put("KONTOR_DB_USER", postgres.username());
            env.put("KONTOR_DB_PASSWORD", postgres.password());
        });
        if (app == App.GATEWAY) {
            for (App service : App.values()) {
                if (service.isService()) {
                    String url = gatewayTarget(service);
                    command.add("-Dkontor.gateway.services." + service.key() + ".url=" + url);
                    env.put(
                            "KONTOR_GATEWAY_SERVICES_"
                                    + service.key().toUpperCase(Locale.ROOT).replace('-', '_')
                                    + "_URL",
                            url);
                }
            }
        }
        // Last, so that they win over the launcher's own settings.
        apps.get(app).systemProperties().forEach((name, value) -> command.add("-D" + name + "=" + value));
        // quarkus-run.jar first: its manifest names the rest of the application, and a class data archive recorded with
        // this class path is used only with the same one (ClassDataArchive).
        List<Path> classPath = classPath(app);
        if (ClassDataArchive.enabled()) {
            command.addAll(1, archive(app).jvmOptions());
        }
        command.addAll(List.of(
                "-cp",
                String.join(
                        File.pathSeparator,
                        classPath.stream().map(Path::toString).toList()),
                OrphanGuard.class.getName(),
                QUARKUS_MAIN));
        return builder.command(command).directory(dataDir.root().toFile());
    }

    private List<Path> classPath(App app) {
        return List.of(app.runJar(options.repoRoot()), dataDir.orphanGuardJar());
    }

    /** The class data archive of an application's JVM, as its next launch uses or records it. */
    ClassDataArchive archive(App app) {
        return new ClassDataArchive(dataDir.cds(), app, classPath(app));
    }

    /**
     * A JVM that records its class data archive at exit gets a minute to stop: a service's graceful stop took 7–19 s
     * under load (Kafka consumers leaving the group one after the other, in-flight events) and writing the archive
     * several seconds more, so the launcher's usual 20 s killed most services mid-write and only the gateway ever left
     * an archive (#23). Once, per build of the application.
     */
    Duration stopTimeout(App app) {
        return ClassDataArchive.enabled() && !Files.isRegularFile(archive(app).archive())
                ? RECORDING_STOP_TIMEOUT
                : AppProcess.STOP_TIMEOUT;
    }

    /** A JVM that exited by itself (a graceful stop) finished writing the archive it recorded. */
    void exitedByItself(App app) {
        if (ClassDataArchive.enabled()) {
            archive(app).exitedByItself();
        }
    }

    /**
     * Memory flags of every application's JVM (#23), from {@code jvm.options} (the same lines the Deployments carry):
     * {@code -Xmx} alone let the heap be committed up to the maximum and stay there; a small initial heap and the free
     * ratios make the serial collector grow it only as far as the live data needs, the code cache and thread stacks are
     * sized for a service, native memory freed after the JIT's warm-up goes back to the OS, and the worker pool is
     * bounded for a 2-core machine running nine JVMs.
     */
    static List<String> jvmOptions(App app) {
        List<String> options = new ArrayList<>(SHARED_JVM_OPTIONS);
        options.add("-Xmx" + app.heapMegabytes() + "m");
        // One collector thread and no G1 regions: less memory for small heaps on a laptop running nine JVMs.
        options.add("-XX:+UseSerialGC");
        return List.copyOf(options);
    }

    /** The lines of {@code jvm.options} that are flags (not comments or blank). */
    static List<String> sharedJvmOptions() {
        try (InputStream in = AppCommand.class.getResourceAsStream("jvm.options")) {
            if (in == null) {
                throw new IllegalStateException("jvm.options is missing from the launcher");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * JVM options for every application from {@code -Dkontor.launcher.jvm-options="..."} (space-separated), after the
     * launcher's own: for measuring, e.g. {@code -XX:NativeMemoryTracking=summary} to read {@code jcmd <pid>
     * VM.native_memory summary}, or {@code -Xlog:cds} to see the class data archive mapped.
     */
    static List<String> extraJvmOptions() {
        String options = System.getProperty(EXTRA_JVM_OPTIONS, "").strip();
        return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
    }

    // A service left out (Options.apps) still needs an address in the gateway's production config: a closed port, so
    // its paths answer with an error rather than the gateway failing to start.
    private String gatewayTarget(App service) {
        AppProcess process = apps.get(service);
        return process != null ? process.url() : "http://" + HOST + ":9";
    }

    private static String javaBinary() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
