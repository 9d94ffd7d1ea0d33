package io.kontor.local;

import io.kontor.devinfra.DevJwt;
import io.kontor.devinfra.FreePorts;
import io.kontor.devinfra.KafkaBroker;
import io.kontor.devinfra.MailServer;
import io.kontor.devinfra.Postgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Kontor on one machine: PostgreSQL (one database per service), a single-node Kafka broker, the four services and the
 * gateway, each in its own JVM on a free loopback port.
 *
 * <p>From the command line ({@link #main}, see {@link LaunchCommand}) it runs until Ctrl-C. As a library (the system
 * tests) {@link #start(Options)} returns once every {@code /q/health/ready} (on each JVM's management port) answers
 * 200, and {@link #close()} stops it all: the gateway first, then the services, Kafka, PostgreSQL.
 */
public final class LocalPlatform implements AutoCloseable {

    private static final String ADMIN_SUBJECT = "kontor-local-admin";
    private static final Duration ADMIN_TOKEN_TTL = Duration.ofHours(12);
    private static final String ROLE_ADMIN = "admin";

    private final Options options;
    private final DataDir dataDir;
    // Filled while starting, read by close(), which a signal may call at any moment.
    private final Map<App, AppProcess> apps = Collections.synchronizedMap(new EnumMap<>(App.class));
    private final Map<String, Duration> readyTimes = new LinkedHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Postgres postgres;
    private volatile KafkaBroker kafka;
    private volatile MailServer mail;
    private volatile String adminToken;
    private volatile Duration startupTime;

    LocalPlatform(Options options) {
        this.options = options;
        this.dataDir = new DataDir(options.dataDir());
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
            BuiltApps.require(options);
            dataDir.prepare(options.clean());
            startInfrastructure();
            startApps();
            adminToken = DevJwt.mint(ADMIN_SUBJECT, ADMIN_TOKEN_TTL, ROLE_ADMIN);
            Files.writeString(dataDir.adminTokenFile(), adminToken + System.lineSeparator());
            startupTime = Duration.ofNanos(System.nanoTime() - begin);
        } catch (IOException e) {
            throw closeAfter(new LaunchFailure("Could not prepare " + dataDir.root() + ": " + e.getMessage(), e));
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
        return dataDir.root();
    }

    public Path adminTokenFile() {
        return dataDir.adminTokenFile();
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
            Path next = Files.createTempFile(dataDir.root(), "clock-shift", ".tmp");
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
        return dataDir.clockShiftFile();
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
        dataDir.releaseLock();
        if (!failures.isEmpty()) {
            RuntimeException first = failures.get(0);
            failures.stream().skip(1).forEach(first::addSuppressed);
            throw first;
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
        ExecutorService pool = Executors.newFixedThreadPool(2, Parallel.daemonThreads("kontor-infra"));
        try {
            CompletableFuture<Void> database = CompletableFuture.runAsync(
                    () -> {
                        long begin = System.nanoTime();
                        postgres = Postgres.start(
                                dataDir.root().resolve("postgres"),
                                options.clean(),
                                dataDir.root().resolve("pg-binaries"));
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
                        kafka = KafkaBroker.start(dataDir.kafka());
                        stopIfClosing(kafka::stop);
                        ready("kafka", begin, kafka.bootstrapServers());
                    },
                    pool);
            Parallel.awaitAll(List.of(database, broker));
        } finally {
            pool.shutdownNow();
        }
    }

    /** The services and the gateway start side by side: none of them calls another while starting. */
    private void startApps() {
        int gatewayPort = gatewayPort();
        Map<App, Integer> servicePortsAtLaunch = new EnumMap<>(App.class);
        AppCommand command = new AppCommand(options, dataDir, postgres, kafka, mail, apps);
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
                            dataDir.logs().resolve(app.module() + ".log"),
                            dataDir.pidFile(app),
                            port,
                            managementPort,
                            fixed,
                            options.readyTimeout(),
                            options.systemProperties().getOrDefault(app, Map.of()),
                            new AppProcess.Command() {
                                @Override
                                public ProcessBuilder build(int launchedPort, int launchedManagementPort) {
                                    return command.of(app, launchedPort, launchedManagementPort);
                                }

                                @Override
                                public void exitedByItself() {
                                    command.exitedByItself(app);
                                }

                                @Override
                                public Duration stopTimeout() {
                                    return command.stopTimeout(app);
                                }
                            }));
            if (app.isService()) {
                servicePortsAtLaunch.put(app, port);
            }
        }
        // From here on close() sees every process; had it run before, nothing may start now.
        stopIfClosing(() -> {});
        ExecutorService pool = Executors.newFixedThreadPool(apps.size(), Parallel.daemonThreads("kontor-start"));
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
            Parallel.awaitAll(starts);
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

    @Override
    public String toString() {
        return "LocalPlatform[" + dataDir.root() + ", " + apps.values() + "]";
    }
}
