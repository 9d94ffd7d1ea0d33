package io.kontor.local;

import io.kontor.devinfra.MailServer;
import java.io.File;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The command line of {@code java -jar deploy/local/target/kontor-local.jar} (and of {@code deploy/local/start}). */
@Command(
        name = "kontor-local",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        version = "Kontor local launcher",
        description = {
            "Starts Kontor on this machine: PostgreSQL, a Kafka broker, the four services and the gateway, each in its own JVM.",
            "When all are ready it prints the gateway URL and a development admin token; Ctrl-C stops everything."
        })
final class LaunchCommand implements Callable<Integer> {

    static final int EXIT_STOPPED_BY_SIGNAL = 130;

    @Option(
            names = "--data",
            paramLabel = "<dir>",
            description =
                    "Kafka's log, PostgreSQL's data and the logs; kept between runs (default: .kontor-data in the repository).")
    Path data;

    @Option(names = "--clean", description = "Start from empty data: delete what earlier runs left in the data folder.")
    boolean clean;

    @Option(
            names = "--gateway-port",
            paramLabel = "<port>",
            description = "Port of the gateway (default: 8080 if it is free, else any free port).")
    Integer gatewayPort;

    @Option(
            names = "--only",
            split = ",",
            paramLabel = "<app>",
            description =
                    "Run only these applications (sales, accounting, hr, projects, product-development, legal, processes, gateway); PostgreSQL and Kafka always run.")
    List<String> only;

    @Option(
            names = "--ready-timeout",
            paramLabel = "<seconds>",
            defaultValue = "180",
            description = "How long one application may take to become ready (default: ${DEFAULT-VALUE}).")
    long readyTimeoutSeconds;

    @Option(
            names = "--repo-root",
            paramLabel = "<dir>",
            description = "The Kontor checkout (default: found by walking up from the working directory).")
    Path repoRoot;

    @Spec
    CommandSpec spec;

    private final PrintStream out;
    private final PrintStream err;

    LaunchCommand() {
        this(System.out, System.err);
    }

    LaunchCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Parses and runs; returns the process exit code. */
    static int run(String... args) {
        return new CommandLine(new LaunchCommand()).execute(args);
    }

    /** The options these arguments mean, relative to {@code workingDir}. */
    Options toOptions(Path workingDir) {
        Path root = repoRoot != null ? workingDir.resolve(repoRoot) : RepoRoot.find(workingDir);
        if (!RepoRoot.isRoot(root)) {
            throw new ParameterException(
                    spec.commandLine(), "--repo-root " + root + " is not a Kontor checkout (no mvnw and deploy/local)");
        }
        if (gatewayPort != null && (gatewayPort < 1 || gatewayPort > 65_535)) {
            throw new ParameterException(
                    spec.commandLine(), "--gateway-port must be between 1 and 65535: " + gatewayPort);
        }
        if (readyTimeoutSeconds < 1) {
            throw new ParameterException(
                    spec.commandLine(), "--ready-timeout must be at least 1 second: " + readyTimeoutSeconds);
        }
        Options options = Options.forRepo(root)
                .withClean(clean)
                .withReadyTimeout(Duration.ofSeconds(readyTimeoutSeconds))
                .withProgress(line -> out.println("[kontor] " + line));
        if (data != null) {
            options = options.withDataDir(workingDir.resolve(data));
        }
        if (gatewayPort != null) {
            options = options.withGatewayPort(gatewayPort);
        }
        if (only != null && !only.isEmpty()) {
            options = options.withApps(apps(only));
        }
        return options;
    }

    private Set<App> apps(List<String> names) {
        Set<App> apps = EnumSet.noneOf(App.class);
        for (String name : names) {
            try {
                apps.add(App.named(name.strip()));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--only: " + e.getMessage());
            }
        }
        return apps;
    }

    @Override
    public Integer call() throws InterruptedException {
        Options options;
        try {
            options = toOptions(Path.of(""));
        } catch (LaunchFailure e) {
            err.println(e.getMessage());
            return CommandLine.ExitCode.USAGE;
        }
        LocalPlatform platform = new LocalPlatform(options);
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicInteger signals = new AtomicInteger();
        Runnable onSignal = () -> {
            if (signals.incrementAndGet() == 1) {
                out.println("\n[kontor] stopping: gateway, services, Kafka, PostgreSQL, mail (Ctrl-C again to force)");
                new Thread(
                                () -> {
                                    try {
                                        platform.close();
                                        out.println("[kontor] stopped");
                                    } finally {
                                        stopped.countDown();
                                    }
                                },
                                "kontor-stop")
                        .start();
            } else {
                err.println("\n[kontor] forcing: killing every process the launcher started");
                ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
                Runtime.getRuntime().halt(EXIT_STOPPED_BY_SIGNAL);
            }
        };
        if (!Signals.handle(onSignal, "INT", "TERM")) {
            // No signal API in this JVM: the shutdown hook below still stops everything, only less orderly.
            out.println(
                    "[kontor] note: signal handling unavailable; Ctrl-C stops the processes without waiting for each other");
        }
        // Any other way out of this JVM (System.exit elsewhere, a signal the handlers do not cover) stops the platform
        // too.
        Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "kontor-local-shutdown"));
        try {
            platform.startAll();
        } catch (LaunchFailure e) {
            if (signals.get() > 0) {
                stopped.await();
                return EXIT_STOPPED_BY_SIGNAL;
            }
            err.println();
            err.println("Kontor could not start: " + e.getMessage());
            for (Throwable other : e.getSuppressed()) {
                err.println();
                err.println("Also: " + other.getMessage());
            }
            return CommandLine.ExitCode.SOFTWARE;
        }
        out.println(banner(platform));
        stopped.await();
        return EXIT_STOPPED_BY_SIGNAL;
    }

    static String banner(LocalPlatform platform) {
        StringBuilder text = new StringBuilder();
        Path data = platform.dataDir();
        text.append(String.format(
                Locale.ROOT,
                "%nKontor is ready (everything started in %.1f s). Data and logs: %s%n%n",
                platform.startupTime().toMillis() / 1000.0,
                data));
        boolean gateway = platform.processes().stream().anyMatch(p -> p.app() == App.GATEWAY);
        if (gateway) {
            text.append("  Gateway      ").append(platform.gatewayUrl()).append('\n');
            text.append("  Swagger UI   ")
                    .append(platform.gatewayUrl())
                    .append("/q/swagger-ui")
                    .append('\n');
        }
        text.append("  Services     ")
                .append(platform.processes().stream()
                        .filter(p -> p.app().isService())
                        .map(p -> p.app().key() + " " + p.url())
                        .collect(Collectors.joining(", ")))
                .append("  (direct, for debugging)\n");
        text.append("  Health and metrics  ")
                .append(platform.processes().stream()
                        .map(p -> p.app().key() + " " + p.managementUrl())
                        .collect(Collectors.joining(", ")))
                .append("  (/q/health, /q/metrics: each JVM's management port)\n");
        text.append("  Kafka        ")
                .append(platform.kafka().bootstrapServers())
                .append('\n');
        text.append("  PostgreSQL   ")
                .append(platform.postgres().jdbcUrl("<service>"))
                .append(" (user ")
                .append(platform.postgres().username())
                .append(")\n");
        if (platform.mail() != null) {
            text.append("  Mail         every mail the services send is caught here, nothing leaves the machine: IMAP ")
                    .append(MailServer.HOST)
                    .append(':')
                    .append(platform.mail().imapPort())
                    .append(" (no TLS), login and password = the recipient's address (e.g. a customer's e-mail);")
                    .append(" SMTP ")
                    .append(MailServer.HOST)
                    .append(':')
                    .append(platform.mail().smtpPort())
                    .append('\n');
            text.append(
                            "  Invoices in  mail a supplier's invoice (XRechnung XML or ZUGFeRD PDF attached) over that SMTP to ")
                    .append(MailServer.INVOICES_ADDRESS)
                    .append(": accounting reads the mailbox every 3 s and it appears under")
                    .append(" /api/v1/accounting/supplier-invoices\n");
        }
        text.append("  Logs         ")
                .append(data.resolve("logs"))
                .append(File.separator)
                .append("<service>.log\n\n");
        text.append("Development admin token (role admin, valid 12 h; also in ")
                .append(platform.adminTokenFile())
                .append("):\n");
        text.append(platform.adminToken()).append("\n\n");
        if (gateway) {
            text.append("Try:\n");
            text.append("  curl -s -H \"Authorization: Bearer $(cat ")
                    .append(platform.adminTokenFile())
                    .append(")\" ")
                    .append(platform.gatewayUrl())
                    .append("/api/v1/sales/customers\n\n");
        }
        text.append("Ctrl-C stops Kontor.");
        return text.toString();
    }
}
