package io.kontor.local;

import io.kontor.devinfra.DevJwt;
import io.kontor.devinfra.FreePorts;
import io.kontor.devinfra.KafkaBroker;
import io.kontor.devinfra.MailServer;
import io.kontor.devinfra.OrphanGuard;
import io.kontor.devinfra.Postgres;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Kontor on one machine: PostgreSQL (one database per service), a single-node Kafka broker, the four services and the
 * gateway, each in its own JVM on a free loopback port.
 *
 * <p>From the command line ({@link #main}, see {@link LaunchCommand}) it runs until Ctrl-C. As a library (the system
 * tests) {@link #start(Options)} returns once every {@code /q/health/ready} (on each JVM's management port) answers
 * 200, and {@link #close()} stops it all: the gateway first, then the services, Kafka, PostgreSQL.
 */
public final class LocalPlatform implements AutoCloseable {

    // The main class of a Quarkus fast-jar (what quarkus-run.jar's manifest names), run by OrphanGuard.
    private static final String QUARKUS_MAIN = "io.quarkus.bootstrap.runner.QuarkusEntryPoint";
    private static final String ADMIN_SUBJECT = "kontor-local-admin";
    private static final Duration ADMIN_TOKEN_TTL = Duration.ofHours(12);
    // The services' health checks, config and ports answer here only; nothing is reachable from other machines.
    private static final String HOST = "127.0.0.1";
    private static final String ROLE_ADMIN = "admin";

    private final Options options;
    private final Path dataDir;
    // Filled while starting, read by close(), which a signal may call at any moment.
    private final Map<App, AppProcess> apps = Collections.synchronizedMap(new EnumMap<>(App.class));
    private final Map<String, Duration> readyTimes = new LinkedHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Postgres postgres;
    private volatile KafkaBroker kafka;
    private volatile MailServer mail;
    private volatile String adminToken;
    private volatile Duration startupTime;
    private FileChannel lockFile;
    private FileLock lock;

    LocalPlatform(Options options) {
        this.options = options;
        this.dataDir = options.dataDir();
    }

    public static void main(String[] args) {
        System.exit(LaunchCommand.run(args));
    }

    /**
     * Starts everything and returns when all of it is ready; on failure stops what was started and throws
     * {@link LaunchFailure}.
     */
    public static LocalPlatform start(Options options) {
        LocalPlatform platform = new LocalPlatform(options);
        platform.startAll();
        return platform;
    }

    /** Starts everything; on failure stops what was started and throws {@link LaunchFailure}. */
    void startAll() {
        long begin = System.nanoTime();
        try {
            requireBuiltApps();
            prepareDataDir();
            startInfrastructure();
            startApps();
            adminToken = DevJwt.mint(ADMIN_SUBJECT, ADMIN_TOKEN_TTL, ROLE_ADMIN);
            Files.writeString(adminTokenFile(), adminToken + System.lineSeparator());
            startupTime = Duration.ofNanos(System.nanoTime() - begin);
        } catch (IOException e) {
            throw closeAfter(new LaunchFailure("Could not prepare " + dataDir + ": " + e.getMessage(), e));
        } catch (RuntimeException e) {
            throw closeAfter(e);
        } catch (Error e) {
            throw closeAfter(e);
        }
    }

    // Stops what was started, keeping the reason of the failure in front.
    private <T extends Throwable> T closeAfter(T failure) {
        try {
            close();
        } catch (RuntimeException stopFailure) {
            failure.addSuppressed(stopFailure);
        }
        return failure;
    }

    // --- What tests and the command line use.

    public String gatewayUrl() {
        return app(App.GATEWAY).url();
    }

    /**
     * The URL of a service by its key ("sales", "accounting", "hr", "projects", "product-development", "legal",
     * "processes", "gateway") or module name.
     */
    public String serviceUrl(String name) {
        return process(name).url();
    }

    /** A service's or the gateway's JVM, for fault tests ({@link AppProcess#kill()}, {@link AppProcess#restart()}). */
    public AppProcess process(String name) {
        return app(App.named(name));
    }

    public List<AppProcess> processes() {
        synchronized (apps) {
            return List.copyOf(apps.values());
        }
    }

    /** The broker; tests may {@link KafkaBroker#kill()} and {@link KafkaBroker#restart()} it. */
    /** The mail server every service sends through; recipients' mailboxes are read over IMAP. */
    public MailServer mail() {
        return mail;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public Postgres postgres() {
        return postgres;
    }

    /** A development token with the role {@code admin}, valid for 12 hours from the start. */
    public String adminToken() {
        return adminToken;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path adminTokenFile() {
        return dataDir.resolve("admin-token");
    }

    /**
     * Moves the calendar of the four services to {@code shift} from the real time (each reads it at its next "now",
     * {@code kontor.clock.shift-file}, platform's ShiftedClock): weeks pass for dunning, offer expiry and the rest at
     * once, without waiting or restarting. Zero brings the real time back. The gateway (rate limits, circuit breakers,
     * dev tokens), Kafka, PostgreSQL and token lifetimes keep the real time.
     */
    public void shiftClock(Duration shift) {
        Path file = clockShiftFile();
        try {
            // Written whole and then moved into place, so that no application ever reads half a shift.
            Path next = Files.createTempFile(dataDir, "clock-shift", ".tmp");
            Files.writeString(next, shift.toString() + System.lineSeparator());
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the clock shift to " + file, e);
        }
    }

    /** The shift of the applications' calendar from the real time ({@link #shiftClock}). */
    public Duration clockShift() {
        try {
            String text = Files.exists(clockShiftFile())
                    ? Files.readString(clockShiftFile()).strip()
                    : "";
            return text.isEmpty() ? Duration.ZERO : Duration.parse(text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the clock shift from " + clockShiftFile(), e);
        }
    }

    public Path clockShiftFile() {
        return dataDir.resolve("clock-shift");
    }

    /** From the call to start until everything was ready. */
    public Duration startupTime() {
        return startupTime;
    }

    /** How long each part took to become ready: "postgresql", "kafka", then each application's module name. */
    public Map<String, Duration> readyTimes() {
        synchronized (readyTimes) {
            return Map.copyOf(readyTimes);
        }
    }

    public boolean isClosed() {
        return closed.get();
    }

    /**
     * Stops the gateway, then the services (gracefully, forcibly after a timeout), then Kafka and PostgreSQL.
     * Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        List<RuntimeException> failures = new ArrayList<>();
        Optional.ofNullable(apps.get(App.GATEWAY)).ifPresent(gateway -> collect(failures, gateway::close));
        List<Thread> stopping = new ArrayList<>();
        for (AppProcess service : processes()) {
            if (service.app().isService()) {
                Thread stop = new Thread(() -> collect(failures, service::close), "stop-" + service.name());
                stop.start();
                stopping.add(stop);
            }
        }
        stopping.forEach(LocalPlatform::join);
        Optional.ofNullable(kafka).ifPresent(broker -> collect(failures, broker::stop));
        Optional.ofNullable(postgres).ifPresent(server -> collect(failures, server::close));
        Optional.ofNullable(mail).ifPresent(server -> collect(failures, server::close));
        releaseLock();
        if (!failures.isEmpty()) {
            RuntimeException first = failures.get(0);
            failures.stream().skip(1).forEach(first::addSuppressed);
            throw first;
        }
    }

    // --- Starting.

    private void requireBuiltApps() {
        List<String> missing = new ArrayList<>();
        for (App app : options.apps()) {
            Path jar = app.runJar(options.repoRoot());
            if (!Files.isRegularFile(jar)) {
                missing.add(options.repoRoot().relativize(jar).toString());
            } else {
                newerSource(app, jar)
                        .ifPresent(source -> progress(
                                "warning: " + options.repoRoot().relativize(source) + " is newer than the build of "
                                        + app.module() + "; ./mvnw -DskipTests install brings it up to date"));
            }
        }
        if (!missing.isEmpty()) {
            throw new LaunchFailure("Not built yet: " + String.join(", ", missing)
                    + ". Build first with ./mvnw -DskipTests install in " + options.repoRoot()
                    + " (deploy/local/start does that for you).");
        }
    }

    // A hint only: a developer who edited a service and forgot to build would otherwise test the old code.
    private Optional<Path> newerSource(App app, Path jar) {
        Path module = options.repoRoot().resolve(app.module());
        try (Stream<Path> sources = Stream.concat(Stream.of(module.resolve("pom.xml")), walk(module.resolve("src")))) {
            FileTime built = Files.getLastModifiedTime(jar);
            return sources.filter(Files::isRegularFile)
                    .filter(source -> lastModified(source).compareTo(built) > 0)
                    .findFirst();
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    private void prepareDataDir() throws IOException {
        Files.createDirectories(dataDir);
        lockDataDir();
        // Leftovers of a launcher that died without stopping its children hold ports and the broker's storage lock.
        for (App app : App.values()) {
            AppProcess.stopLeftover(pidFile(app), dataMarker());
        }
        if (Files.exists(kafkaDir().resolve("server.properties"))) {
            try {
                KafkaBroker.attach(kafkaDir()).kill();
            } catch (RuntimeException e) {
                // No broker of ours there any more; KafkaBroker.start also checks before it starts.
            }
        }
        if (options.clean()) {
            // Only what the launcher itself writes: --data may name a folder that holds other things too.
            // PostgreSQL cleans its own data (Postgres.start with clean), the unpacked binaries are kept.
            for (String entry :
                    List.of("kafka", "logs", "pids", "bin", "jwt", "admin-token", "postgres.log", "clock-shift")) {
                deleteRecursively(dataDir.resolve(entry));
            }
        }
        Files.createDirectories(logsDir());
        Files.createDirectories(jwtPublicKey().getParent());
        Files.writeString(
                jwtPublicKey(),
                DevJwt.publicKeyPem(),
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        installOrphanGuard();
    }

    private void lockDataDir() throws IOException {
        lockFile =
                FileChannel.open(dataDir.resolve("launcher.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            lock = lockFile.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            lockFile.close();
            lockFile = null;
            throw new LaunchFailure("Another Kontor launcher is running on " + dataDir
                    + ". Stop it first, or give this one other data with --data <dir>.");
        }
    }

    private void releaseLock() {
        try {
            if (lock != null) {
                lock.release();
            }
            if (lockFile != null) {
                lockFile.close();
            }
        } catch (IOException ignored) {
            // the lock goes with the process anyway
        }
    }

    // Copies the one class file of OrphanGuard out of dev-infra, see there.
    private void installOrphanGuard() throws IOException {
        String resource = OrphanGuard.class.getName().replace('.', '/') + ".class";
        Path target = binDir().resolve(resource);
        Files.createDirectories(target.getParent());
        try (InputStream in = OrphanGuard.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new LaunchFailure("Class file " + resource + " is missing from the launcher");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** PostgreSQL and Kafka do not need each other: they start side by side. */
    private void startInfrastructure() {
        // In memory and in this JVM: it starts in well under a second and ends with the launcher.
        long mailBegin = System.nanoTime();
        mail = MailServer.start();
        ready(
                "mail",
                mailBegin,
                "smtp " + MailServer.HOST + ":" + mail.smtpPort() + ", imap " + MailServer.HOST + ":"
                        + mail.imapPort());
        ExecutorService pool = Executors.newFixedThreadPool(2, daemonThreads("kontor-infra"));
        try {
            CompletableFuture<Void> database = CompletableFuture.runAsync(
                    () -> {
                        long begin = System.nanoTime();
                        postgres = Postgres.start(
                                dataDir.resolve("postgres"), options.clean(), dataDir.resolve("pg-binaries"));
                        stopIfClosing(postgres::close);
                        for (App app : options.apps()) {
                            app.database().ifPresent(postgres::createDatabase);
                        }
                        ready(
                                "postgresql",
                                begin,
                                postgres.isEmbedded()
                                        ? "embedded, " + postgres.jdbcUrl("postgres")
                                        : postgres.jdbcUrl("postgres"));
                    },
                    pool);
            CompletableFuture<Void> broker = CompletableFuture.runAsync(
                    () -> {
                        long begin = System.nanoTime();
                        kafka = KafkaBroker.start(kafkaDir());
                        stopIfClosing(kafka::stop);
                        ready("kafka", begin, kafka.bootstrapServers());
                    },
                    pool);
            awaitAll(List.of(database, broker));
        } finally {
            pool.shutdownNow();
        }
    }

    /** The services and the gateway start side by side: none of them calls another while starting. */
    private void startApps() {
        int gatewayPort = gatewayPort();
        Map<App, Integer> servicePortsAtLaunch = new EnumMap<>(App.class);
        Set<Integer> taken = new HashSet<>(Set.of(gatewayPort));
        for (App app : options.apps()) {
            int port = app == App.GATEWAY ? gatewayPort : distinctFreePort(taken);
            // Each JVM's health and metrics on a port of its own (the cluster's 9000 would clash on one machine).
            int managementPort = distinctFreePort(taken);
            boolean fixed = app == App.GATEWAY && options.gatewayPort() > 0;
            apps.put(
                    app,
                    new AppProcess(
                            app,
                            logsDir().resolve(app.module() + ".log"),
                            pidFile(app),
                            port,
                            managementPort,
                            fixed,
                            options.readyTimeout(),
                            options.systemProperties().getOrDefault(app, Map.of()),
                            (launchedPort, launchedManagementPort) ->
                                    command(app, launchedPort, launchedManagementPort)));
            if (app.isService()) {
                servicePortsAtLaunch.put(app, port);
            }
        }
        // From here on close() sees every process; had it run before, nothing may start now.
        stopIfClosing(() -> {});
        ExecutorService pool = Executors.newFixedThreadPool(apps.size(), daemonThreads("kontor-start"));
        try {
            List<CompletableFuture<Void>> starts = new ArrayList<>();
            for (AppProcess process : processes()) {
                starts.add(CompletableFuture.runAsync(
                        () -> {
                            process.startAndAwaitReady();
                            ready(process.name(), process.lastStartupTime(), process.url());
                        },
                        pool));
            }
            awaitAll(starts);
        } finally {
            pool.shutdownNow();
        }
        // A service that had to move to another port (someone took its port meanwhile) is unknown to the gateway.
        boolean moved = servicePortsAtLaunch.entrySet().stream()
                .anyMatch(e -> apps.get(e.getKey()).port() != e.getValue());
        if (moved && apps.containsKey(App.GATEWAY)) {
            progress("a service moved to another port while starting; restarting the gateway with its new address");
            apps.get(App.GATEWAY).restart();
        }
    }

    // The kernel may hand out a port it just reported free once more; two services must not both try it.
    private static int distinctFreePort(Set<Integer> taken) {
        int port = FreePorts.find();
        while (!taken.add(port)) {
            port = FreePorts.find();
        }
        return port;
    }

    private int gatewayPort() {
        int wanted = options.gatewayPort();
        if (wanted == Options.GATEWAY_PORT_PREFERRED_ELSE_FREE) {
            return FreePorts.isFree(Options.PREFERRED_GATEWAY_PORT) ? Options.PREFERRED_GATEWAY_PORT : FreePorts.find();
        }
        if (wanted == Options.ANY_FREE_PORT) {
            return FreePorts.find();
        }
        if (!FreePorts.isFree(wanted)) {
            throw new LaunchFailure("Port " + wanted + " for the gateway is in use; choose another with --gateway-port"
                    + " or leave it out to take 8080 or any free port.");
        }
        return wanted;
    }

    /**
     * The JVM of one application: the production profile, configured the standard Quarkus way (system properties, which
     * outrank application.properties) and, for secrets and the services' own {@code ${…}} placeholders, the
     * environment.
     */
    private ProcessBuilder command(App app, int port, int managementPort) {
        List<String> command = new ArrayList<>(List.of(javaBinary()));
        command.addAll(jvmOptions(app));
        command.addAll(List.of(
                dataMarker(),
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
        env.put("KONTOR_JWT_PUBLIC_KEY_LOCATION", jwtPublicKey().toString());
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        // The same keys the cluster's ConfigMap and KafkaUser Secret set; the application logs in as itself (its module
        // is its Kafka principal), without TLS on loopback.
        env.put("KAFKA_SECURITY_PROTOCOL", kafka.clientProperties(app.module()).get("security.protocol"));
        env.put("KAFKA_SASL_JAAS_CONFIG", kafka.jaasConfig(app.module()));
        // Outgoing mail goes to the launcher's mail server, where a person reads it over IMAP (see the banner).
        env.putAll(MailServer.environment(mail.smtpPort(), mail.imapPort()));
        if (app.isService()) {
            // The business calendar; the gateway's rate limits, circuit breakers and dev tokens keep the real time.
            command.add("-Dkontor.clock.shift-file=" + clockShiftFile());
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
        command.addAll(List.of(
                "-cp",
                binDir() + File.pathSeparator + app.runJar(options.repoRoot()),
                OrphanGuard.class.getName(),
                QUARKUS_MAIN));
        return builder.command(command).directory(dataDir.toFile());
    }

    /**
     * Memory flags of every application's JVM (#23). {@code -Xmx} alone let the heap be committed up to the maximum and
     * stay there: a small initial heap and the free ratios make the serial collector grow it only as far as the live
     * data needs and give it back after a peak; the code cache and thread stacks are sized for a service, not for a
     * server that JITs everything; the worker pool is bounded for a 2-core machine running nine JVMs.
     */
    static List<String> jvmOptions(App app) {
        return List.of(
                "-Xms16m",
                "-Xmx" + app.heapMegabytes() + "m",
                // One collector thread and no G1 regions: less memory for small heaps on a laptop running nine JVMs.
                "-XX:+UseSerialGC",
                "-XX:MinHeapFreeRatio=10",
                "-XX:MaxHeapFreeRatio=30",
                "-XX:ReservedCodeCacheSize=48m",
                "-Xss512k",
                "-Dquarkus.thread-pool.max-threads=32",
                "-Dquarkus.vertx.worker-pool-size=16");
    }

    // A service left out (Options.apps) still needs an address in the gateway's production config: a closed port, so
    // its paths answer with an error rather than the gateway failing to start.
    private String gatewayTarget(App service) {
        AppProcess process = apps.get(service);
        return process != null ? process.url() : "http://" + HOST + ":9";
    }

    // --- Small things.

    // close() may have run while this part was starting, and missed it.
    private void stopIfClosing(Runnable stop) {
        if (closed.get()) {
            stop.run();
            throw new LaunchFailure("The platform is stopping");
        }
    }

    private AppProcess app(App app) {
        AppProcess process = apps.get(app);
        if (process == null) {
            throw new IllegalArgumentException(app.module() + " is not part of this platform (Options.apps)");
        }
        return process;
    }

    private void ready(String part, long beginNanos, String where) {
        ready(part, Duration.ofNanos(System.nanoTime() - beginNanos), where);
    }

    private void ready(String part, Duration took, String where) {
        synchronized (readyTimes) {
            readyTimes.put(part, took);
        }
        progress(String.format(Locale.ROOT, "%-26s ready in %5.1f s  %s", part, took.toMillis() / 1000.0, where));
    }

    private void progress(String line) {
        options.progress().accept(line);
    }

    private String dataMarker() {
        return "-Dkontor.local.data=" + dataDir;
    }

    private Path kafkaDir() {
        return dataDir.resolve("kafka");
    }

    private Path logsDir() {
        return dataDir.resolve("logs");
    }

    private Path binDir() {
        return dataDir.resolve("bin");
    }

    private Path jwtPublicKey() {
        return dataDir.resolve("jwt").resolve("dev-public.pem");
    }

    private Path pidFile(App app) {
        return dataDir.resolve("pids").resolve(app.module() + ".pid");
    }

    private static String javaBinary() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    // Waits for all; the first failure is thrown with the others attached, after every task has ended.
    private static void awaitAll(List<CompletableFuture<Void>> tasks) {
        List<Throwable> failures = new ArrayList<>();
        for (CompletableFuture<Void> task : tasks) {
            try {
                task.get();
            } catch (ExecutionException e) {
                failures.add(
                        e.getCause() instanceof CompletionException c && c.getCause() != null
                                ? c.getCause()
                                : e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failures.add(new LaunchFailure("Interrupted while starting"));
            }
        }
        if (failures.isEmpty()) {
            return;
        }
        Throwable first = failures.get(0);
        RuntimeException thrown = first instanceof LaunchFailure launch
                ? launch
                : new LaunchFailure(first.getClass().getSimpleName() + ": " + first.getMessage(), first);
        failures.stream().skip(1).forEach(thrown::addSuppressed);
        throw thrown;
    }

    private static java.util.concurrent.ThreadFactory daemonThreads(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void collect(List<RuntimeException> failures, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            synchronized (failures) {
                failures.add(e);
            }
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Stream<Path> walk(Path dir) throws IOException {
        return Files.isDirectory(dir) ? Files.walk(dir) : Stream.empty();
    }

    private static FileTime lastModified(Path path) {
        try {
            return Files.getLastModifiedTime(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path each : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        }
    }

    @Override
    public String toString() {
        return "LocalPlatform[" + dataDir + ", " + apps.values() + "]";
    }
}
