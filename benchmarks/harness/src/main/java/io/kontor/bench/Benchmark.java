package io.kontor.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.kontor.local.App;
import io.kontor.local.AppProcess;
import io.kontor.local.LocalPlatform;
import io.kontor.local.Options;
import io.kontor.local.RepoRoot;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The performance harness of issues 7 and 9: starts the whole platform with {@link LocalPlatform} (and the bare
 * endpoint next to it), measures it with {@link OpenLoop} and writes {@link Report} to {@code benchmarks/RESULTS.md}.
 *
 * <ol>
 *   <li>GET of a stored invoice through the gateway, straight on accounting-service, and on a bare Quarkus endpoint,
 *       interleaved at rising arrival rates;
 *   <li>request to effect: an offer accepted through the gateway until its invoice is readable through the gateway;
 *   <li>outbox cost: creating customers on sales-backoffice-service with the outbox, then restarted with the
 *       benchmark-only dual write ({@code kontor.outbox.mode}, platform's OutboxMode);
 *   <li>per application: time to ready and resident memory after the load;
 *   <li>events at volume (#23): one relay emptying an outbox of {@code --events} events, a raw producer on the same
 *       broker, and one consumer draining them through its inbox ({@link EventThroughput});
 *   <li>time to ready of each application restarted alone while the others idle;
 *   <li>batch work in accounting (#23): camt.053 import and matching, dunning run ({@link AccountingBatch}).
 * </ol>
 *
 * Options: see {@link Settings#parse}. Not a test: nothing here runs in {@code ./mvnw verify}.
 */
public final class Benchmark {

    private static final String ADMIN_TOKEN_NOTE = "development admin token of the launcher";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration EFFECT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration EVENT_WAIT = Duration.ofMinutes(2);
    private static final Duration POLL_EVERY = Duration.ofMillis(25);
    private static final Duration EFFECT_DRAIN = Duration.ofMinutes(3);
    private static final Duration OBSERVER_ALONE = Duration.ofSeconds(10);
    // Enough requests for the JIT to compile the GET paths before the first (lowest) measured rate; the POST rate is
    // below what sales sustains on a small machine, so the warm-up leaves no queue behind.
    private static final double GET_WARM_UP_RATE = 100;
    private static final double POST_WARM_UP_RATE = 25;
    private static final int EFFECT_CUSTOMERS = 30;
    // Far above any rate the harness offers: the gateway's per-subject limits (50/s, burst 100; 32 requests under way)
    // would otherwise answer 429 and the benchmark would measure the limiter.
    private static final Map<String, String> GATEWAY_LIMITS_RAISED = Map.of(
            "kontor.gateway.limits.rate-limit.burst", "1000000",
            "kontor.gateway.limits.rate-limit.per-second", "1000000",
            "kontor.gateway.limits.in-flight-per-caller", "1000000");
    private static final Map<String, String> DUAL_WRITE = Map.of(
            "quarkus.profile", "prod,benchmark",
            "kontor.outbox.mode", "dual-write-for-benchmark-only");

    private final Settings settings;
    private final Report report = new Report();
    private final HttpClient http = Api.newHttpClient();
    private final List<String> findings = new ArrayList<>();
    private final IssueTargets issueTargets = new IssueTargets();

    private Benchmark(Settings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) {
        // The JDK client keeps an idle HTTP/1.1 connection 20 minutes: after the overloaded steps of section 1 (one
        // connection per request in flight) the harness ran out of file descriptors. Read once, before any client.
        System.setProperty("jdk.httpclient.keepalive.timeout", "10");
        Settings settings = Settings.parse(args);
        new Benchmark(settings).run();
        // The HTTP client's threads and the platform's stop hooks are done; nothing else should keep the JVM.
        System.exit(0);
    }

    /** Run parameters; every one has a default that keeps a run under about ten minutes. */
    record Settings(
            Path repoRoot,
            Path out,
            List<Double> getRates,
            Duration getStep,
            Duration warmUp,
            Duration p99Bound,
            List<Double> effectRates,
            Duration effectStep,
            boolean effectProfile,
            List<Double> postRates,
            Duration postStep,
            int events,
            boolean readyAlone,
            boolean nativeMemory,
            Set<Integer> sections,
            String commandLine,
            AccountingBatch.Options accountingBatch) {

        static Settings parse(String[] args) {
            Map<String, String> given = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i++) {
                if (!args[i].startsWith("--") || i + 1 >= args.length) {
                    throw new IllegalArgumentException("usage: --name value ...; got " + Arrays.toString(args));
                }
                given.put(args[i].substring(2), args[++i]);
            }
            Path repoRoot = RepoRoot.find(Path.of(""));
            Settings settings = new Settings(
                    repoRoot,
                    Path.of(given.getOrDefault(
                            "out", repoRoot.resolve("benchmarks/RESULTS.md").toString())),
                    rates(given.getOrDefault("get-rates", "10,25,50,100,200,400,800")),
                    Duration.ofSeconds(Long.parseLong(given.getOrDefault("get-seconds", "12"))),
                    Duration.ofSeconds(Long.parseLong(given.getOrDefault("warm-up-seconds", "15"))),
                    Duration.ofMillis(Long.parseLong(given.getOrDefault("p99-bound-ms", "200"))),
                    // #23's target: 50 accepts/s for 60 s, the last step of the ladder.
                    rates(given.getOrDefault("effect-rates", "10,25,50")),
                    Duration.ofSeconds(Long.parseLong(given.getOrDefault("effect-seconds", "60"))),
                    Boolean.parseBoolean(given.getOrDefault("effect-profile", "true")),
                    rates(given.getOrDefault("post-rates", "5,10,25,50,75,100")),
                    Duration.ofSeconds(Long.parseLong(given.getOrDefault("post-seconds", "10"))),
                    Integer.parseInt(given.getOrDefault("events", "10000")),
                    Boolean.parseBoolean(given.getOrDefault("ready-alone", "true")),
                    Boolean.parseBoolean(given.getOrDefault("native-memory", "true")),
                    Arrays.stream(given.getOrDefault("sections", "1,2,3,4,5,6,7")
                                    .split(","))
                            .map(String::strip)
                            .map(Integer::valueOf)
                            .collect(Collectors.toSet()),
                    String.join(" ", args),
                    AccountingBatch.Options.parse(given));
            given.keySet()
                    .removeAll(List.of(
                            "out",
                            "get-rates",
                            "get-seconds",
                            "warm-up-seconds",
                            "p99-bound-ms",
                            "effect-rates",
                            "effect-seconds",
                            "effect-profile",
                            "sections",
                            "post-rates",
                            "post-seconds",
                            "events",
                            "ready-alone",
                            "native-memory"));
            if (!given.isEmpty()) {
                throw new IllegalArgumentException("unknown options " + given.keySet());
            }
            return settings;
        }

        /**
         * Sections 1 to 6 of RESULTS.md to run ({@code --sections}); 4 (memory and ready) is cheap and needs 1 or 2.
         */
        boolean runs(int section) {
            return sections.contains(section);
        }

        private static List<Double> rates(String list) {
            return Arrays.stream(list.split(","))
                    .map(String::strip)
                    .map(Double::parseDouble)
                    .toList();
        }
    }

    private void run() {
        if (settings.nativeMemory()) {
            // Section 4 breaks each JVM's memory down by Native Memory Tracking: switched on at launch only.
            String given = System.getProperty("kontor.launcher.jvm-options", "");
            if (!given.contains("NativeMemoryTracking")) {
                System.setProperty("kontor.launcher.jvm-options", (given + " " + NativeMemory.FLAG).strip());
            }
        }
        String loadBefore = Machine.load();
        OffsetDateTime began = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        Path dataDir = settings.repoRoot().resolve("benchmarks/target/platform");
        Options options = Options.forRepo(settings.repoRoot())
                .withDataDir(dataDir)
                .withClean(true)
                .withGatewayPort(Options.ANY_FREE_PORT)
                .withReadyTimeout(Duration.ofMinutes(5))
                .withSystemProperties(App.GATEWAY, GATEWAY_LIMITS_RAISED)
                .withProgress(line -> System.out.println("[platform] " + line));
        for (App app : App.values()) {
            if (app.database().isPresent()) {
                // Seven JVMs migrating at once on a loaded machine wait longer than Agroal's 5 s for a first
                // connection (as in the system tests); nothing here measures that wait.
                options =
                        options.withSystemProperties(app, Map.of("quarkus.datasource.jdbc.acquisition-timeout", "30s"));
            }
        }
        report.title("Kontor benchmark results");
        report.paragraph("Written by `benchmarks/harness` (`io.kontor.bench.Benchmark`), run " + began
                + ". How to run it: " + "`benchmarks/README.md`.");
        report.heading("Machine and run");
        report.table(
                List.of("what", "value"),
                List.of(
                        List.of("machine", Machine.describe()),
                        List.of("load average (1, 5, 15 min) before the start", loadBefore),
                        List.of(
                                "command",
                                "`java -jar benchmarks/harness/target/kontor-bench.jar"
                                        + (settings.commandLine().isEmpty() ? "" : " " + settings.commandLine()) + "`"),
                        List.of(
                                "platform",
                                "`LocalPlatform`: embedded PostgreSQL, one Kafka broker, " + (App.values().length - 1)
                                        + " services and the gateway, each its own JVM (prod profile, serial GC, the "
                                        + "flags of `deploy/local` jvm.options, heap limits in section 4), all on this "
                                        + "machine"),
                        List.of(
                                "gateway rate limit",
                                "raised to 1,000,000/s, burst 1,000,000, 1,000,000 under way (system properties "
                                        + "`kontor.gateway.limits.rate-limit.*`, `in-flight-per-caller`): its 50/s and 32 "
                                        + "per token would measure the limiter"),
                        List.of(
                                "load generator",
                                "`OpenLoop` in the harness JVM on the same machine (Java HttpClient, HTTP/1.1, "
                                        + "evenly spaced arrivals, latency from the intended start, HdrHistogram), token: "
                                        + ADMIN_TOKEN_NOTE)));
        try (LocalPlatform platform = LocalPlatform.start(options)) {
            String loadAfterStart = Machine.load();
            try (BareEndpoint bare = BareEndpoint.start(
                    settings.repoRoot(),
                    dataDir.resolve("bin"),
                    dataDir.resolve("logs/bench-bare-endpoint.log"),
                    Duration.ofMinutes(3))) {
                measure(platform, bare, loadAfterStart);
            }
        } catch (RuntimeException e) {
            report.heading("Aborted");
            report.code(e.toString());
            findings.add("the run was aborted: " + e.getMessage());
            report.write(settings.out());
            throw e;
        }
        report.heading("Load while it ran");
        report.paragraph("Load average (1, 5, 15 min) at the end: " + Machine.load() + ". The machine is shared: other "
                + "builds and platforms may have run at the same time, and the load generator shares the cores with "
                + "everything it measures. Compare figures of one run with each other (that is why the targets are "
                + "interleaved), not with other machines.");
        report.write(settings.out());
        System.out.println("\nwritten to " + settings.out().toAbsolutePath());
    }

    private void measure(LocalPlatform platform, BareEndpoint bare, String loadAfterStart) {
        String token = platform.adminToken();
        Api gateway = new Api(http, platform.gatewayUrl(), token);
        Api accounting = new Api(http, platform.serviceUrl("accounting"), token);
        Api bareApi = new Api(http, bare.url(), null);
        report.paragraph("Load average right after the platform was ready: " + loadAfterStart + ".");
        Map<String, Duration> cpuAtReady = startupCpu(platform);

        Fixture fixture = Fixture.create(gateway, EFFECT_CUSTOMERS);
        String invoiceId = fixture.invoiceFor(gateway, fixture.sentOffer(gateway, 0));

        if (settings.runs(1)) {
            measureGets(
                    gateway,
                    accounting,
                    bareApi,
                    invoiceId,
                    ProcessCpu.of(platform).with(BARE, bare.pid()));
        }
        Memory afterGets = Memory.of(platform, bare);
        if (settings.runs(2)) {
            measureRequestToEffect(platform, gateway, fixture);
        }
        Memory afterEffect = Memory.of(platform, bare);
        if (settings.runs(3)) {
            measureOutbox(platform, gateway);
        }
        if (settings.runs(4)) {
            startupAndMemory(platform, bare, afterGets, afterEffect, cpuAtReady);
        }
        if (settings.events() > 0 && settings.runs(5)) {
            measureEvents(platform);
        }
        if (settings.readyAlone() && settings.runs(6)) {
            readyAlone(platform);
        }
        // Last: its hundreds of thousands of booked events keep the relay busy for a while after it.
        if (settings.accountingBatch().any() && settings.runs(7)) {
            findings.addAll(AccountingBatch.measure(platform, token, settings.accountingBatch(), report, issueTargets));
        }
        summary();
    }

    // --- 1. GET through the gateway, straight on the service, on the bare endpoint.

    private static final String BARE = "bench-bare-endpoint";
    private static final String GET_PROFILES = "benchmarks/target/platform/logs/jfr-gets";

    private static Map<String, Long> gatewayPids(ProcessCpu processes) {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String name : List.of("gateway", "accounting-service")) {
            Optional.ofNullable(processes.pids().get(name)).ifPresent(pid -> pids.put(name, pid));
        }
        return pids;
    }

    private List<OpenLoop.Result> measureGets(
            Api gateway, Api accounting, Api bare, String invoiceId, ProcessCpu processes) {
        String path = "/api/v1/accounting/invoices/" + invoiceId;
        Map<String, OpenLoop.Request> targets = new LinkedHashMap<>();
        targets.put("bare endpoint", i -> ok(bare.getAsync("/bare"), 200));
        targets.put("accounting direct", i -> ok(accounting.getAsync(path), 200));
        targets.put("gateway", i -> ok(gateway.getAsync(path), 200));
        int invoiceBytes = gateway.getAsync(path).join().body().length();

        for (Map.Entry<String, OpenLoop.Request> target : targets.entrySet()) {
            OpenLoop.run(target.getKey(), GET_WARM_UP_RATE, settings.warmUp(), REQUEST_TIMEOUT, target.getValue());
        }
        List<OpenLoop.Result> results = new ArrayList<>();
        Map<OpenLoop.Result, ProcessCpu.Usage> cpu = new LinkedHashMap<>();
        Map<String, Boolean> stillSustained = new LinkedHashMap<>();
        targets.keySet().forEach(name -> stillSustained.put(name, true));
        for (double rate : settings.getRates()) {
            for (Map.Entry<String, OpenLoop.Request> target : targets.entrySet()) {
                if (!stillSustained.get(target.getKey())) {
                    continue;
                }
                ProcessCpu.Snapshot before = processes.snapshot();
                OpenLoop.Result result =
                        OpenLoop.run(target.getKey(), rate, settings.getStep(), REQUEST_TIMEOUT, target.getValue());
                results.add(result);
                cpu.put(result, processes.snapshot().since(before));
                System.out.printf(Locale.ROOT, "[bench] GET %-18s %5.0f/s: %s%n", target.getKey(), rate, brief(result));
                // Past its limit a target only builds queues; the next rate would say nothing new and cost minutes.
                if (result.overloaded()) {
                    stillSustained.put(target.getKey(), false);
                }
            }
        }
        report.heading("1. GET of a stored invoice: gateway vs service vs bare Quarkus");
        report.paragraph(String.format(
                Locale.ROOT,
                "`GET %s` (%d bytes of JSON) through the gateway and straight on "
                        + "accounting-service with the same token, and `GET /bare` on `benchmarks/bare-endpoint` (a Quarkus REST "
                        + "resource returning 1 KiB of text, no token, no database). Each target warmed up %d s at %s/s, then per "
                        + "rate the three run one after the other, %d s each; a target stops rising after the first rate it could "
                        + "not keep up with (errors, or under 90 %% of the offered rate answered). Sustained: p99 ≤ %d ms and no "
                        + "error. Latency from the intended start (open model).",
                "/api/v1/accounting/invoices/{id}",
                invoiceBytes,
                settings.warmUp().toSeconds(),
                Report.number(GET_WARM_UP_RATE, 0),
                settings.getStep().toSeconds(),
                settings.p99Bound().toMillis()));
        report.table(
                List.of(
                        "target",
                        "offered /s",
                        "achieved /s",
                        "p50 ms",
                        "p99 ms",
                        "p99.9 ms",
                        "max ms",
                        "errors",
                        "p99 ≤ " + settings.p99Bound().toMillis() + " ms"),
                results.stream().map(this::row).toList());
        List<List<String>> capacity = new ArrayList<>();
        for (String name : targets.keySet()) {
            capacity.add(List.of(name, capacity(maxSustained(results, name), settings.getRates())));
        }
        report.paragraph("Highest offered rate sustained (every request answered correctly, p99 ≤ "
                + settings.p99Bound().toMillis() + " ms), among the rates tried:");
        report.table(List.of("target", "max sustainable rate"), capacity);
        List<List<String>> ratios = new ArrayList<>();
        for (double rate : settings.getRates()) {
            Optional<OpenLoop.Result> viaGateway = find(results, "gateway", rate);
            Optional<OpenLoop.Result> direct = find(results, "accounting direct", rate);
            Optional<OpenLoop.Result> floor = find(results, "bare endpoint", rate);
            if (viaGateway.isPresent() && direct.isPresent() && floor.isPresent()) {
                ratios.add(List.of(
                        Report.number(rate, 0),
                        ratio(viaGateway.get().p50Millis(), direct.get().p50Millis()),
                        ratio(viaGateway.get().p99Millis(), direct.get().p99Millis()),
                        ratio(direct.get().p50Millis(), floor.get().p50Millis()),
                        ratio(direct.get().p99Millis(), floor.get().p99Millis()),
                        ratio(viaGateway.get().achievedPerSecond(), direct.get().achievedPerSecond())));
            }
        }
        if (!ratios.isEmpty()) {
            List<String> first = ratios.get(0);
            findings.add("GET at " + first.get(0) + "/s: p50 gateway/direct " + first.get(1) + ", p99 gateway/direct "
                    + first.get(2) + ", p50 direct/bare " + first.get(3) + ", p99 direct/bare " + first.get(4));
        }
        report.paragraph("Ratios at the rates all three ran (latency ratios: > 1 means slower):");
        report.table(
                List.of(
                        "offered /s",
                        "p50 gateway/direct",
                        "p99 gateway/direct",
                        "p50 direct/bare",
                        "p99 direct/bare",
                        "throughput gateway/direct"),
                ratios);
        reportGetCpu(results, cpu);
        Optional<Double> gatewayMax = maxSustained(results, "gateway");
        Optional<Double> directMax = maxSustained(results, "accounting direct");
        // Profiled in a step of its own after the ladder: the recorder's start (its classes, its first chunk) and its
        // sampling would otherwise be in the figures compared above. At a rate both sustained: above the gateway's own
        // saturation the step collapses into timeouts and the profile shows the error paths, not the proxy.
        Optional<Double> profileRate =
                directMax.flatMap(direct -> gatewayMax.map(viaGateway -> Math.min(direct, viaGateway)));
        profileRate.ifPresent(rate -> {
            // After the overloaded steps the gateway's circuit breaker may still be open (answered 503 at once, the
            // step would profile the breaker instead of the proxy), and accounting may still work off requests whose
            // callers gave up: one 200 is not enough, the platform must answer a calm step without an error.
            awaitStatus(gateway, path, 200);
            // Settled with the recorder running: its start stalls both JVMs for a moment, and a step begun at full
            // rate during that stall filled the gateway's connection pool, opened its breaker and stayed in 503s.
            JfrProfile recording =
                    JfrProfile.start(gatewayPids(processes), settings.repoRoot().resolve(GET_PROFILES));
            List<String> unsettled = new ArrayList<>();
            Optional<Duration> maybeSettled = settle(targets.get("gateway"), unsettled);
            if (maybeSettled.isEmpty()) {
                recording.stop();
                report.paragraph("No profile of the gateway: " + EVENT_WAIT.toMinutes() + " min after the ladder it "
                        + "still did not answer a step of " + Report.number(SETTLE_RATE, 0) + "/s without an error ("
                        + unsettled.get(0) + ").");
                return;
            }
            Duration settled = maybeSettled.get();
            OpenLoop.Result profiled =
                    OpenLoop.run("gateway", rate, settings.getStep(), REQUEST_TIMEOUT, targets.get("gateway"));
            List<JfrProfile.Summary> profile = recording.stop();
            report.paragraph("Where the CPU went through the gateway at " + Report.number(rate, 0) + "/s (the highest "
                    + "rate both the gateway and the direct service sustained), in one more gateway step after the ladder, not in the "
                    + "figures above (" + brief(profiled) + "; the recorder was started first and the step began "
                    + "once the gateway had answered a step of " + Report.number(SETTLE_RATE, 0) + "/s without an "
                    + "error, " + seconds(settled)
                    + " later; the profile includes those calm steps): Java Flight Recorder (`jcmd <pid> JFR.start "
                    + "settings=profile`, execution samples every 10 ms of running Java threads) in the gateway and "
                    + "accounting; the recordings are in `" + GET_PROFILES + "`.");
            reportProfiles(profile);
        });
        Optional<Double> bareMax = maxSustained(results, "bare endpoint");
        if (gatewayMax.isPresent() && directMax.isPresent()) {
            findings.add("max sustainable GET rate gateway/direct = " + ratio(gatewayMax.get(), directMax.get()));
        }
        if (bareMax.isPresent() && directMax.isPresent()) {
            findings.add("max sustainable GET rate direct/bare = " + ratio(directMax.get(), bareMax.get()));
        }
        // #23's comparison: at the highest rate the service sustained alone (its saturation among the rates tried),
        // what the gateway achieves and how much its p99 grows.
        directMax
                .flatMap(rate -> find(results, "gateway", rate).map(viaGateway -> List.of(rate, viaGateway)))
                .ifPresent(pair -> {
                    double rate = (Double) pair.get(0);
                    OpenLoop.Result viaGateway = (OpenLoop.Result) pair.get(1);
                    OpenLoop.Result direct =
                            find(results, "accounting direct", rate).orElseThrow();
                    String line = "at the direct service's saturation (" + Report.number(rate, 0)
                            + "/s): throughput gateway/direct "
                            + ratio(viaGateway.achievedPerSecond(), direct.achievedPerSecond())
                            + " (target ≥ 0.8), p99 gateway/direct "
                            + ratio(viaGateway.p99Millis(), direct.p99Millis()) + " (target ≤ 1.5)";
                    report.paragraph(line + ".");
                    findings.add(line);
                    String cost = "CPU per answer at " + Report.number(rate, 0) + "/s: direct "
                            + platformMicros(cpu.get(direct), direct.ok()) + " µs (accounting, PostgreSQL), "
                            + "through the gateway " + platformMicros(cpu.get(viaGateway), viaGateway.ok())
                            + " µs (of which the gateway "
                            + perRequest(cpu.get(viaGateway).cpuMillis().get("gateway"), viaGateway.ok())
                            + " µs); machine busy " + busy(cpu.get(direct)) + " direct, " + busy(cpu.get(viaGateway))
                            + " through the gateway; the gateway by thread: "
                            + cpu.get(viaGateway).byThread("gateway", 4);
                    report.paragraph(cost + ".");
                    findings.add(cost);
                    double throughputRatio = viaGateway.achievedPerSecond() / direct.achievedPerSecond();
                    double p99Ratio = viaGateway.p99Millis() / direct.p99Millis();
                    boolean highestTried = rate
                            == settings.getRates().stream().max(Double::compare).orElseThrow();
                    issueTargets.measured(
                            IssueTargets.Target.GATEWAY,
                            Report.number(throughputRatio, 2) + "; " + Report.number(p99Ratio, 2) + " at "
                                    + Report.number(rate, 0) + "/s"
                                    + (highestTried ? " (the highest rate tried: saturation not reached)" : ""),
                            throughputRatio >= 0.8 && p99Ratio <= 1.5,
                            "1");
                });
        return results;
    }

    /**
     * Where section 1's cores went: per step, the CPU each process used per correct answer, and how busy the machine
     * was. A target whose answers cost more CPU saturates the shared cores at a lower rate, and queues before that.
     */
    private void reportGetCpu(List<OpenLoop.Result> results, Map<OpenLoop.Result, ProcessCpu.Usage> cpu) {
        List<String> processes = List.of(BARE, "accounting-service", "postgresql", "gateway", ProcessCpu.HARNESS);
        List<String> header = new ArrayList<>(List.of("target", "offered /s"));
        processes.forEach(process -> header.add(process));
        header.addAll(List.of("all but the harness", "machine busy"));
        List<List<String>> rows = new ArrayList<>();
        for (OpenLoop.Result result : results) {
            ProcessCpu.Usage used = cpu.get(result);
            List<String> row = new ArrayList<>(List.of(result.target(), Report.number(result.offeredPerSecond(), 0)));
            for (String process : processes) {
                row.add(perRequest(used.cpuMillis().get(process), result.ok()));
            }
            row.add(perRequest(
                    used.cpuMillis().entrySet().stream()
                            .filter(e -> processes.contains(e.getKey())
                                    && !e.getKey().equals(ProcessCpu.HARNESS))
                            .mapToLong(Map.Entry::getValue)
                            .sum(),
                    result.ok()));
            row.add(busy(used));
            rows.add(row);
        }
        report.paragraph("CPU per correct answer in microseconds (user + system time from `/proc/<pid>/stat` over the "
                + "step, divided by the answers; PostgreSQL with its backends), and how busy the machine's cores were "
                + "during the step (`/proc/stat`). The load generator is the harness JVM: it shares the cores with "
                + "what it measures.");
        report.table(header, rows);
    }

    // The CPU of the processes on a request's path (without the load generator), per correct answer.
    private static String platformMicros(ProcessCpu.Usage used, long answers) {
        long millis = used.cpuMillis().entrySet().stream()
                .filter(e ->
                        List.of("accounting-service", "postgresql", "gateway").contains(e.getKey()))
                .mapToLong(Map.Entry::getValue)
                .sum();
        return perRequest(millis, answers);
    }

    private static String busy(ProcessCpu.Usage used) {
        return Math.round(100.0 * used.machineBusyMillis() / Math.max(1, used.machineTotalMillis())) + " %";
    }

    private static String perRequest(Long millis, long answers) {
        return millis == null || answers == 0 ? "–" : Report.number(millis * 1000.0 / answers, 0);
    }

    // --- 2. Offer accepted through the gateway until its invoice is readable through the gateway.

    /** What one rate of section 2's ladder measured. */
    private record EffectStep(
            double rate,
            OpenLoop.Result result,
            Histogram afterAccept,
            Map<String, Long> errors,
            long accepted,
            long late,
            long unseen,
            Duration drained,
            long polls,
            ProcessCpu.Usage cpu,
            Map<String, Long> gatewayRefusals) {}

    private void measureRequestToEffect(LocalPlatform platform, Api gateway, Fixture fixture) {
        List<Double> rates = settings.effectRates();
        double target = rates.get(rates.size() - 1);
        int samples = rates.stream().mapToInt(this::effectCount).sum();
        System.out.printf("[bench] preparing %d sent offers%n", samples);
        List<Offer> offers = inParallel(samples, i -> fixture.sentOffer(gateway, i + 1));
        ProcessCpu cpu = ProcessCpu.of(platform);
        List<EffectStep> steps = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<JfrProfile.Summary> profile = List.of();
        ProcessCpu.Usage observer;
        long observerPolls;
        try (InvoiceWatch watch = InvoiceWatch.start(gateway, POLL_EVERY)) {
            // What watching costs with nothing to find: the poller's fixed rate, for reading the figures per accept.
            ProcessCpu.Snapshot idle = cpu.snapshot();
            long pollsBefore = watch.requests();
            sleep(OBSERVER_ALONE);
            observer = cpu.snapshot().since(idle);
            observerPolls = watch.requests() - pollsBefore;
            int next = 0;
            boolean overloaded = false;
            for (double rate : rates) {
                List<Offer> batch = offers.subList(next, next + effectCount(rate));
                next += batch.size();
                // Past an overloaded rate only the target is still worth its minutes.
                if (overloaded && rate != target) {
                    skipped.add(Report.number(rate, 0) + "/s");
                    continue;
                }
                boolean profiled = settings.effectProfile() && rate == target;
                JfrProfile recording = profiled
                        ? JfrProfile.start(profiledPids(cpu), platform.dataDir().resolve("logs/jfr"))
                        : null;
                EffectStep step = effectStep(rate, batch, gateway, watch, cpu, platform.process("gateway"));
                if (recording != null) {
                    profile = recording.stop();
                }
                steps.add(step);
                overloaded |= step.result().overloaded();
                System.out.printf(
                        Locale.ROOT,
                        "[bench] effect %5.0f/s: %s, errors %s, CPU %s%n",
                        rate,
                        brief(step.result()),
                        step.errors(),
                        step.cpu().cpuMillis());
            }
        }
        reportRequestToEffect(target, steps, skipped, observer, observerPolls, profile);
    }

    private int effectCount(double rate) {
        return (int) Math.max(1, Math.round(rate * settings.effectStep().toNanos() / 1e9));
    }

    private static Map<String, Long> profiledPids(ProcessCpu cpu) {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String name : List.of("accounting-service", "sales-backoffice-service")) {
            Optional.ofNullable(cpu.pids().get(name)).ifPresent(pid -> pids.put(name, pid));
        }
        return pids;
    }

    private EffectStep effectStep(
            double rate, List<Offer> offers, Api gateway, InvoiceWatch watch, ProcessCpu cpu, AppProcess gatewayApp) {
        long gatewayLogFrom = fileSize(gatewayApp.log());
        Histogram afterAccept = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(5), 3);
        Map<String, Long> errors = new ConcurrentHashMap<>();
        AtomicLong accepted = new AtomicLong();
        List<String> given = Collections.synchronizedList(new ArrayList<>());
        long lateBefore = watch.late();
        long pollsBefore = watch.requests();
        ProcessCpu.Snapshot before = cpu.snapshot();
        OpenLoop.Result result = OpenLoop.run(
                "accept → invoice readable", rate, settings.effectStep(), EFFECT_TIMEOUT.plus(REQUEST_TIMEOUT), i -> {
                    Offer offer = offers.get((int) i);
                    // Registered before the accept: the invoice may be readable before the accept's answer arrives.
                    CompletableFuture<Long> seen = watch.expect(offer.id());
                    return gateway.postAsync("/api/v1/sales/offers/" + offer.id() + "/accept", null)
                            .handle((answer, failure) -> {
                                if (failure != null || answer.statusCode() != 200) {
                                    watch.forget(offer.id());
                                    errors.merge(
                                            failure != null
                                                    ? "accept failed: "
                                                            + rootCause(failure)
                                                                    .getClass()
                                                                    .getSimpleName()
                                                    : "accept answered " + answer.statusCode(),
                                            1L,
                                            Long::sum);
                                    return CompletableFuture.completedFuture(false);
                                }
                                accepted.incrementAndGet();
                                long acceptedAt = System.nanoTime();
                                return seen.orTimeout(EFFECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                                        .handle((at, timeout) -> {
                                            if (timeout != null) {
                                                given.add(offer.id());
                                                errors.merge(
                                                        "invoice not readable within " + EFFECT_TIMEOUT.toSeconds()
                                                                + " s of the accept",
                                                        1L,
                                                        Long::sum);
                                                return false;
                                            }
                                            afterAccept.recordValue(Math.max(0, (at - acceptedAt) / 1000));
                                            return true;
                                        });
                            })
                            .thenCompose(answer -> answer);
                });
        // The invoices given up on may still come: wait for them (counted as late), so that the next rate starts
        // without this one's backlog and the CPU below is all the work these accepts caused.
        long drainStart = System.nanoTime();
        long drainDeadline = drainStart + EFFECT_DRAIN.toNanos();
        while (watch.waiting() > 0 && System.nanoTime() < drainDeadline) {
            sleep(Duration.ofMillis(200));
        }
        Duration drained = Duration.ofNanos(System.nanoTime() - drainStart);
        ProcessCpu.Usage usage = cpu.snapshot().since(before);
        long unseen = watch.waiting();
        given.forEach(watch::forget);
        return new EffectStep(
                rate,
                result,
                afterAccept,
                new TreeMap<>(errors),
                accepted.get(),
                watch.late() - lateBefore,
                unseen,
                drained,
                watch.requests() - pollsBefore,
                usage,
                unreachable(gatewayApp.log(), gatewayLogFrom));
    }

    private static long fileSize(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * Why the gateway answered 503 for a service since {@code from}: its "is not reachable" warnings (ServiceProxy) by
     * the service and the failure it names, numbers left out so that alike failures count together.
     */
    private static Map<String, Long> unreachable(Path gatewayLog, long from) {
        Map<String, Long> reasons = new TreeMap<>();
        try (RandomAccessFile log = new RandomAccessFile(gatewayLog.toFile(), "r")) {
            log.seek(Math.min(from, log.length()));
            byte[] rest = new byte[(int) Math.min(Integer.MAX_VALUE - 8, log.length() - log.getFilePointer())];
            log.readFully(rest);
            for (String line : new String(rest, StandardCharsets.UTF_8).split("\n")) {
                int at = line.indexOf(" is not reachable at ");
                if (at < 0) {
                    continue;
                }
                String service = line.substring(line.lastIndexOf(' ', at - 1) + 1, at);
                String failure = line.substring(line.indexOf(": ", at) + 2).replaceAll("\\d+", "N");
                reasons.merge(service + ": " + failure, 1L, Long::sum);
            }
        } catch (IOException e) {
            reasons.put("gateway log not readable: " + e.getMessage(), 1L);
        }
        return reasons;
    }

    private void reportRequestToEffect(
            double target,
            List<EffectStep> steps,
            List<String> skipped,
            ProcessCpu.Usage observer,
            long observerPolls,
            List<JfrProfile.Summary> profile) {
        report.heading("2. Request to effect: offer accepted → invoice readable through the gateway");
        report.paragraph(String.format(
                Locale.ROOT,
                "Offers (prepared and sent beforehand, for %d customers already known to accounting) accepted through "
                        + "the gateway at each rate for %d s (open model; latency from the intended start of the accept). "
                        + "The path: sales' outbox → Kafka `sales.offers` → accounting's inbox, the invoice issued with its "
                        + "frozen documents → the gateway. One poller in the harness reads `GET "
                        + "/api/v1/accounting/invoices?status=ISSUED&size=%d` (newest first) through the gateway every %d ms, "
                        + "paging on only while a page is mostly new, and matches the offer ids of all accepts waiting: "
                        + "observing costs a fixed rate, not one poll per waiting offer. Seeing an invoice adds up to %d ms "
                        + "plus one list request. After each rate the harness waits (at most %d s) until every invoice it "
                        + "waits for was seen, late ones counted, so the next rate starts without a backlog.",
                EFFECT_CUSTOMERS,
                settings.effectStep().toSeconds(),
                InvoiceWatch.PAGE_SIZE,
                POLL_EVERY.toMillis(),
                POLL_EVERY.toMillis(),
                EFFECT_DRAIN.toSeconds()));
        List<List<String>> rows = new ArrayList<>();
        for (EffectStep step : steps) {
            OpenLoop.Result result = step.result();
            rows.add(List.of(
                    Report.number(step.rate(), 0),
                    Long.toString(result.sent()),
                    Long.toString(result.ok()),
                    Report.number(result.achievedPerSecond(), 1),
                    Report.millis(result.p50Millis()),
                    Report.millis(result.p99Millis()),
                    Report.millis(result.p999Millis()),
                    Report.millis(result.maxMillis()),
                    Report.millis(step.afterAccept().getValueAtPercentile(50) / 1000.0),
                    Report.millis(step.afterAccept().getValueAtPercentile(99) / 1000.0),
                    Long.toString(result.failed()),
                    step.errors().isEmpty()
                            ? "–"
                            : String.join(
                                    "; ",
                                    step.errors().entrySet().stream()
                                            .map(e -> e.getKey() + ": " + e.getValue())
                                            .toList()),
                    step.late() + " late, " + step.unseen() + " never",
                    seconds(step.drained()),
                    result.sustained(settings.p99Bound()) ? "yes" : "no"));
        }
        report.table(
                List.of(
                        "offered /s",
                        "accepts sent",
                        "invoice seen in time",
                        "achieved /s",
                        "p50 ms",
                        "p99 ms",
                        "p99.9 ms",
                        "max ms",
                        "p50 after the accept's 200 ms",
                        "p99 after the accept's 200 ms",
                        "errors",
                        "errors by kind",
                        "invoices after the timeout",
                        "drained after",
                        "p99 ≤ " + settings.p99Bound().toMillis() + " ms, no error"),
                rows);
        if (!skipped.isEmpty()) {
            report.paragraph("Not run, because a lower rate was already overloaded (errors or under 90 % achieved): "
                    + String.join(", ", skipped) + ".");
        }
        reportEffectCpu(steps, observer, observerPolls);
        reportEffectProfile(target, profile);
        steps.stream().filter(step -> step.rate() == target).findFirst().ifPresent(step -> {
            String sustained = steps.stream()
                    .filter(s -> s.result().sustained(settings.p99Bound()))
                    .map(s -> Report.number(s.rate(), 0) + "/s")
                    .reduce((a, b) -> b)
                    .orElse("none of " + settings.effectRates());
            issueTargets.measured(
                    IssueTargets.Target.EFFECT_50,
                    "at " + Report.number(target, 0) + "/s for "
                            + settings.effectStep().toSeconds() + " s: p99 "
                            + Report.millis(step.result().p99Millis()) + " ms, "
                            + step.result().failed()
                            + " errors; highest rate sustained: " + sustained,
                    target >= 50
                            && settings.effectStep().toSeconds() >= 60
                            && step.result().sustained(settings.p99Bound())
                            && step.result().failed() == 0,
                    "2");
            findings.add("request to effect at " + Report.number(target, 0) + "/s for "
                    + settings.effectStep().toSeconds() + " s: p50 "
                    + Report.millis(step.result().p50Millis())
                    + " ms, p99 " + Report.millis(step.result().p99Millis()) + " ms, "
                    + step.result().failed()
                    + " errors " + step.errors() + " (target p99 ≤ 200 ms, no error); highest rate sustained: "
                    + sustained);
        });
    }

    private void reportEffectCpu(List<EffectStep> steps, ProcessCpu.Usage observer, long observerPolls) {
        report.paragraph("CPU per process (user + system time from `/proc/<pid>/stat`, PostgreSQL with its backends) "
                + "from the first accept of a rate until its invoices were all seen, per accepted offer; the bottom "
                + "rows set it against the machine: all of these processes together, everything busy on the machine "
                + "(`/proc/stat`, other work on the shared machine included) and what the cores could give (cores × "
                + "seconds). The first column is the poller alone for " + OBSERVER_ALONE.toSeconds() + " s before the "
                + "first rate (" + observerPolls + " list requests), per second: what watching costs, also in the "
                + "figures per accept.");
        List<String> names = new ArrayList<>(observer.cpuMillis().keySet());
        steps.forEach(step -> step.cpu().cpuMillis().keySet().stream()
                .filter(name -> !names.contains(name))
                .forEach(names::add));
        List<String> header = new ArrayList<>(List.of("process", "poller alone, CPU ms/s"));
        steps.forEach(step -> header.add("CPU ms per accept at " + Report.number(step.rate(), 0) + "/s"));
        List<List<String>> rows = new ArrayList<>();
        for (String name : names) {
            List<String> row =
                    new ArrayList<>(List.of(name, perSecond(observer.cpuMillis().get(name), observer.wallMillis())));
            steps.forEach(step -> row.add(perAccept(step.cpu().cpuMillis().get(name), step.accepted())));
            rows.add(row);
        }
        List<String> platformRow = new ArrayList<>(List.of(
                "all of the platform (without the harness)",
                perSecond(observer.platformMillis(), observer.wallMillis())));
        steps.forEach(step -> platformRow.add(perAccept(step.cpu().platformMillis(), step.accepted())));
        rows.add(platformRow);
        List<String> share = new ArrayList<>(List.of("these processes / machine busy / cores × seconds", ""));
        steps.forEach(step -> share.add(String.format(
                Locale.ROOT,
                "%s / %s / %s (%.0f %% / %.0f %%)",
                ProcessCpu.seconds(step.cpu().allMillis()),
                ProcessCpu.seconds(step.cpu().machineBusyMillis()),
                ProcessCpu.seconds(step.cpu().capacityMillis()),
                100.0 * step.cpu().allMillis() / Math.max(1, step.cpu().capacityMillis()),
                100.0 * step.cpu().machineBusyMillis() / Math.max(1, step.cpu().machineTotalMillis()))));
        rows.add(share);
        report.table(header, rows);
        for (EffectStep step : steps) {
            report.paragraph("At " + Report.number(step.rate(), 0) + "/s, CPU by thread (from the first accept until "
                    + "the invoices were all seen): accounting-service — "
                    + step.cpu().byThread("accounting-service", 6) + "; sales-backoffice-service — "
                    + step.cpu().byThread("sales-backoffice-service", 6) + ".");
            if (!step.gatewayRefusals().isEmpty()) {
                report.paragraph("The gateway's reasons for its 503 answers at " + Report.number(step.rate(), 0)
                        + "/s (its log, `ServiceProxy` \"is not reachable\", numbers as N): "
                        + step.gatewayRefusals().entrySet().stream()
                                .map(reason -> reason.getValue() + " × " + reason.getKey())
                                .collect(Collectors.joining("; "))
                        + ".");
            }
        }
    }

    private void reportEffectProfile(double target, List<JfrProfile.Summary> profile) {
        if (profile.isEmpty()) {
            return;
        }
        report.paragraph("Where the CPU went at " + Report.number(target, 0) + "/s: Java Flight Recorder (`jcmd <pid> "
                + "JFR.start settings=profile`, execution samples every 10 ms of running Java threads) in accounting and "
                + "sales during that rate; the recordings are in `benchmarks/target/platform/logs/jfr`. Share of the "
                + "samples whose stack holds a method of Kontor's own code (inclusive), and the methods on top of the "
                + "stack (self).");
        reportProfiles(profile);
    }

    // Per JVM: the shares of its samples by Kontor's methods anywhere on the stack and by the methods on top.
    private void reportProfiles(List<JfrProfile.Summary> profile) {
        for (JfrProfile.Summary summary : profile) {
            List<List<String>> rows = new ArrayList<>();
            summary.inclusive()
                    .forEach((method, count) -> rows.add(
                            List.of("inclusive", "`" + method + "`", Report.number(summary.share(count), 1) + " %")));
            summary.self()
                    .forEach((method, count) -> rows.add(
                            List.of("self", "`" + method + "`", Report.number(summary.share(count), 1) + " %")));
            report.paragraph(summary.process() + ": " + summary.samples() + " samples.");
            report.table(List.of("", "method", "share of samples"), rows);
        }
    }

    private static String perAccept(Long millis, long accepted) {
        return millis == null || accepted == 0 ? "–" : Report.number((double) millis / accepted, 1);
    }

    private static String perSecond(Long millis, long wallMillis) {
        return millis == null || wallMillis == 0 ? "–" : Report.number(millis * 1000.0 / wallMillis, 1);
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    // --- 3. Outbox vs plain dual write, same service, restarted in between.

    private void measureOutbox(LocalPlatform platform, Api gateway) {
        // Both modes from a fresh JVM with the same warm-up: the JIT state must not favour the one that runs second.
        AppProcess salesProcess = platform.process("sales");
        salesProcess.restart(Map.of());
        List<OpenLoop.Result> withOutbox =
                postSweep("outbox", new Api(http, platform.serviceUrl("sales"), platform.adminToken()));
        salesProcess.restart(DUAL_WRITE);
        Duration restartTime = salesProcess.lastStartupTime();
        requireDualWriteActive(salesProcess);
        Api salesAgain = new Api(http, platform.serviceUrl("sales"), platform.adminToken());
        List<OpenLoop.Result> withDualWrite = postSweep("dual write", salesAgain);
        // The dual write must still deliver, or the comparison is with a service that does less.
        String last = salesAgain
                .post("/api/v1/sales/customers", Api.customerJson("Dual write check"), 201)
                .get("id")
                .asText();
        awaitStatus(gateway, "/api/v1/accounting/customers/" + last, 200);

        List<OpenLoop.Result> all = new ArrayList<>(withOutbox);
        all.addAll(withDualWrite);
        report.heading("3. Outbox cost: creating customers with the outbox vs a plain dual write");
        report.paragraph(String.format(
                Locale.ROOT,
                "`POST /api/v1/sales/customers` straight on sales-backoffice-service "
                        + "(each creates a customer and a `sales.customer-registered` event, which accounting and project-office "
                        + "consume). First sales restarted as built (outbox row in the transaction, the relay sends it), then "
                        + "restarted again (ready in %.1f s) with `-Dquarkus.profile=prod,benchmark -Dkontor.outbox.mode=dual-write-for-benchmark-only`: "
                        + "commit, then hand the record to the Kafka producer without waiting for the broker, no outbox row. "
                        + "That is the cheapest dual write there is, so the ratio is the most the outbox can cost. Each mode in a fresh JVM, warmed up %d s at "
                        + "%s/s, then %d s per rate, a mode stops rising after the first rate it could not keep up with. After the "
                        + "dual-write run a customer created that way reached accounting's replica (events still flowed).",
                restartTime.toMillis() / 1000.0,
                settings.warmUp().toSeconds(),
                Report.number(POST_WARM_UP_RATE, 0),
                settings.postStep().toSeconds()));
        report.table(
                List.of(
                        "mode",
                        "offered /s",
                        "achieved /s",
                        "p50 ms",
                        "p99 ms",
                        "p99.9 ms",
                        "max ms",
                        "errors",
                        "p99 ≤ " + settings.p99Bound().toMillis() + " ms"),
                all.stream().map(this::row).toList());
        List<List<String>> ratios = new ArrayList<>();
        for (double rate : settings.postRates()) {
            Optional<OpenLoop.Result> outbox = find(withOutbox, "outbox", rate);
            Optional<OpenLoop.Result> dual = find(withDualWrite, "dual write", rate);
            if (outbox.isPresent() && dual.isPresent()) {
                ratios.add(List.of(
                        Report.number(rate, 0),
                        ratio(outbox.get().achievedPerSecond(), dual.get().achievedPerSecond()),
                        ratio(outbox.get().p50Millis(), dual.get().p50Millis()),
                        ratio(outbox.get().p99Millis(), dual.get().p99Millis())));
            }
        }
        Optional<Double> outboxMax = maxSustained(withOutbox, "outbox");
        Optional<Double> dualMax = maxSustained(withDualWrite, "dual write");
        report.table(List.of("offered /s", "throughput outbox/dual", "p50 outbox/dual", "p99 outbox/dual"), ratios);
        String capacity = "Max sustainable rate: outbox " + capacity(outboxMax, settings.postRates())
                + ", dual write " + capacity(dualMax, settings.postRates())
                + (outboxMax.isPresent() && dualMax.isPresent()
                        ? ", ratio outbox/dual " + ratio(outboxMax.get(), dualMax.get())
                        : "")
                + ".";
        report.paragraph(capacity);
        findings.add("outbox: " + capacity);
    }

    private List<OpenLoop.Result> postSweep(String mode, Api sales) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        OpenLoop.Request create = i -> ok(
                sales.postAsync("/api/v1/sales/customers", Api.customerJson("Bench " + mode + " " + run + " " + i)),
                201);
        OpenLoop.run(mode, POST_WARM_UP_RATE, settings.warmUp(), REQUEST_TIMEOUT, create);
        List<OpenLoop.Result> results = new ArrayList<>();
        for (double rate : settings.postRates()) {
            OpenLoop.Result result = OpenLoop.run(mode, rate, settings.postStep(), REQUEST_TIMEOUT, create);
            results.add(result);
            System.out.printf(Locale.ROOT, "[bench] POST %-10s %5.0f/s: %s%n", mode, rate, brief(result));
            if (result.overloaded()) {
                break;
            }
        }
        return results;
    }

    private static void requireDualWriteActive(AppProcess sales) {
        try {
            String log = Files.readString(sales.log());
            String sinceLaunch = log.substring(log.lastIndexOf("==== kontor-local: " + sales.name()));
            if (!sinceLaunch.contains("dual-write-for-benchmark-only")) {
                throw new IllegalStateException("sales did not log that it runs the dual write; see " + sales.log());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- 4. Time to ready and memory.

    /** Each JVM's resident set (MiB) and, when it tracks, its Native Memory Tracking summary, at one moment. */
    private record Memory(Map<String, Long> rss, Map<String, NativeMemory.Summary> nmt) {

        static Memory of(LocalPlatform platform, BareEndpoint bare) {
            Map<String, Long> rss = new LinkedHashMap<>();
            Map<String, NativeMemory.Summary> nmt = new LinkedHashMap<>();
            for (AppProcess process : platform.processes()) {
                process.pid().ifPresent(pid -> {
                    Machine.rssMebibytes(pid).ifPresent(mib -> rss.put(process.name(), mib));
                    NativeMemory.of(pid).ifPresent(summary -> nmt.put(process.name(), summary));
                });
            }
            Machine.rssMebibytes(bare.pid()).ifPresent(mib -> rss.put(BARE, mib));
            return new Memory(rss, nmt);
        }

        String rssOf(String app) {
            return Optional.ofNullable(rss.get(app)).map(mib -> mib + " MiB").orElse("–");
        }
    }

    // CPU time each JVM had used when first seen ready (user + system, all its threads).
    private static Map<String, Duration> startupCpu(LocalPlatform platform) {
        Map<String, Duration> cpu = new LinkedHashMap<>();
        for (AppProcess process : platform.processes()) {
            process.lastStartupCpu().ifPresent(time -> cpu.put(process.name(), time));
        }
        return cpu;
    }

    private void startupAndMemory(
            LocalPlatform platform,
            BareEndpoint bare,
            Memory afterGets,
            Memory afterEffect,
            Map<String, Duration> cpuAtReady) {
        Map<String, Long> rss = afterEffect.rss();
        Map<String, Duration> ready = platform.readyTimes();
        List<List<String>> rows = new ArrayList<>();
        for (App app : App.values()) {
            rows.add(List.of(
                    app.module(),
                    seconds(ready.get(app.module())),
                    cpuAtReady.containsKey(app.module()) ? seconds(cpuAtReady.get(app.module())) : "–",
                    "-Xmx" + app.heapMegabytes() + "m",
                    afterGets.rssOf(app.module()),
                    afterEffect.rssOf(app.module())));
        }
        rows.add(List.of(
                "bench-bare-endpoint (started alone, after the platform)",
                seconds(bare.readyTime()),
                "",
                "-Xmx256m",
                afterGets.rssOf(BARE),
                afterEffect.rssOf(BARE)));
        rows.add(List.of(
                "postgresql / kafka",
                seconds(ready.get("postgresql")) + " / " + seconds(ready.get("kafka")),
                "",
                "",
                "",
                ""));
        Duration cpuSum = cpuAtReady.values().stream().reduce(Duration.ZERO, Duration::plus);
        int cores = Runtime.getRuntime().availableProcessors();
        report.heading("4. Per application: time to ready and resident memory");
        report.paragraph(String.format(
                Locale.ROOT,
                "Time from launching the JVM until `/q/health/ready` answered 200, as "
                        + "`LocalPlatform.readyTimes()` measures it: the four services and the gateway start side by side on the "
                        + "shared cores, so each figure includes waiting for the others (all ready %.1f s after the launcher "
                        + "began, PostgreSQL and Kafka included). RSS is `VmRSS` of `/proc/<pid>/status` after section 1 (the GET "
                        + "warm-up and ladder: accounting and the gateway served requests, the other services ran idle) "
                        + "and after section 2 (the accepts, 50/s above what the machine can do, reached sales, "
                        + "accounting and every service consuming their events). CPU at ready is the "
                        + "JVM's user + system time when it was first seen ready: together the applications used %.1f "
                        + "CPU seconds to become ready, at least %.1f s of the whole start on %d cores even if nothing "
                        + "else ran (PostgreSQL's, Kafka's and the launcher's own CPU come on top).",
                platform.startupTime().toMillis() / 1000.0,
                cpuSum.toMillis() / 1000.0,
                cpuSum.toMillis() / 1000.0 / cores,
                cores));
        report.table(
                List.of(
                        "application",
                        "ready after",
                        "CPU at ready",
                        "heap limit",
                        "RSS after section 1",
                        "RSS after sections 1 and 2"),
                rows);
        reportNativeMemory(afterGets, afterEffect);
        List<Long> servicesRss = Arrays.stream(App.values())
                .filter(app -> app != App.GATEWAY)
                .map(app -> rss.get(app.module()))
                .filter(java.util.Objects::nonNull)
                .sorted()
                .toList();
        if (!servicesRss.isEmpty()) {
            long highest = servicesRss.get(servicesRss.size() - 1);
            issueTargets.measured(
                    IssueTargets.Target.RSS_SERVICE,
                    servicesRss.get(0) + "–" + highest + " MiB (" + servicesRss.size() + " services)",
                    highest * 1048576L <= 200_000_000L,
                    "4");
        }
        Optional.ofNullable(rss.get(App.GATEWAY.module()))
                .ifPresent(mib -> issueTargets.measured(
                        IssueTargets.Target.RSS_GATEWAY, mib + " MiB", mib * 1048576L <= 150_000_000L, "4"));
        issueTargets.measured(
                IssueTargets.Target.READY_PLATFORM,
                seconds(platform.startupTime()) + " (" + App.values().length + " applications; their CPU at ready "
                        + seconds(cpuSum) + ")",
                platform.startupTime().toMillis() <= 30_000,
                "4");
        findings.add(String.format(
                Locale.ROOT,
                "whole platform ready in %.1f s; the applications' CPU at ready %.1f s in all (%.1f s on %d cores)",
                platform.startupTime().toMillis() / 1000.0,
                cpuSum.toMillis() / 1000.0,
                cpuSum.toMillis() / 1000.0 / cores,
                cores));
    }

    /**
     * Where each JVM's resident memory goes, by Native Memory Tracking at the two moments RSS was read: what the JVM
     * has committed per category, and what RSS holds beyond it.
     */
    private void reportNativeMemory(Memory afterGets, Memory afterEffect) {
        if (afterEffect.nmt().isEmpty()) {
            report.paragraph("No Native Memory Tracking in this run (`--native-memory false`).");
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (App app : App.values()) {
            for (Memory memory : List.of(afterGets, afterEffect)) {
                NativeMemory.Summary nmt = memory.nmt().get(app.module());
                Long rss = memory.rss().get(app.module());
                if (nmt == null || rss == null) {
                    continue;
                }
                rows.add(List.of(
                        app.module(),
                        memory == afterGets ? "after 1" : "after 1 and 2",
                        rss.toString(),
                        mib(nmt.committedMib()),
                        mib(nmt.category("Java Heap")),
                        mib(nmt.category("Class") + nmt.category("Metaspace")),
                        mib(nmt.category("Shared class space")),
                        mib(nmt.category("Code")),
                        mib(nmt.category("Thread")),
                        mib(nmt.category("GC")),
                        mib(nmt.category("Symbol")),
                        mib(nmt.otherMib()),
                        mib(rss - nmt.committedMib())));
            }
        }
        report.paragraph("Native Memory Tracking (each application JVM started with `" + NativeMemory.FLAG + "`; `jcmd "
                + "<pid> VM.native_memory summary` right after RSS was read), committed MiB per category. Java Heap "
                + "is what the collector has committed (`-Xms32m`, grown under load; the serial collector gives it "
                + "back only after a full collection, by `MaxHeapFreeRatio`); Class and Metaspace the class metadata; "
                + "the shared class space the mapped AppCDS archive; other: compiler arenas, Internal, Other (direct "
                + "buffers), NMT's own bookkeeping and the small rest. RSS − NMT: what NMT does not track (the JVM's "
                + "and the JDK's native code, glibc's free lists and arenas) less what is committed but not touched.");
        report.table(
                List.of(
                        "application",
                        "after section",
                        "RSS MiB",
                        "NMT committed",
                        "Java Heap",
                        "Class + Metaspace",
                        "shared class space",
                        "Code",
                        "Thread",
                        "GC",
                        "Symbol",
                        "other",
                        "RSS − NMT"),
                rows);
    }

    private static String mib(double value) {
        return Report.number(value, 0);
    }

    // --- 5. Events at volume: one relay, a raw producer, one consumer's inbox.

    private void measureEvents(LocalPlatform platform) {
        System.out.printf("[bench] events: %d through sales' relay and accounting's inbox%n", settings.events());
        EventThroughput.Result result = EventThroughput.measure(platform, settings.events());
        report.heading("5. Events at volume: one relay, a raw producer, one consumer");
        EventThroughput.Drain alone = result.relayAlone();
        EventThroughput.Drain shared = result.relayShared();
        report.paragraph(String.format(
                Locale.ROOT,
                "%d events (CloudEvents of type `%s` on `sales.customers`, %d-byte payload, 1,000 keys) written straight "
                        + "into sales-backoffice-service's outbox while its relay was off; then sales restarted with the relay "
                        + "on (one replica), timed from its first acknowledged round (the first drop of the count; the relay "
                        + "starts before ready) until the outbox was empty, over the rows left at that drop. Twice: first with "
                        + "the services consuming `sales.customers` stopped (accounting, process, project-office; the relay's "
                        + "own rate, as on a node of its own), then with a second batch while all of them ran and took the "
                        + "events as they arrived, on the same two cores (as the platform runs here). The raw producer "
                        + "sends as many records of the same size on the same broker from the harness JVM with the relay's "
                        + "producer settings (what `kafka-producer-perf-test` does), with the consumers stopped. Then "
                        + "accounting-service alone was started: its one consumer (the batch channel over its domain topics, "
                        + "`sales.customers` among them; one transaction per poll) is timed from its ready until its inbox "
                        + "had every event of the first batch (no route for the type, so each is an inbox row and nothing "
                        + "else).",
                result.events(),
                EventThroughput.NOOP_TYPE,
                result.payloadBytes()));
        report.table(
                List.of("measure", "events/s", "time", "target"),
                List.of(
                        List.of(
                                "relay, one replica of sales, the topic's consumers stopped",
                                Report.number(alone.perSecond(), 0),
                                seconds(alone.time()),
                                "≥ 5,000/s"),
                        List.of(
                                "relay, one replica of sales, the topic's consumers running on the same cores",
                                Report.number(shared.perSecond(), 0),
                                seconds(shared.time()),
                                "reported"),
                        List.of("raw producer, same broker, same run", Report.number(result.rawPerSecond(), 0), "", ""),
                        List.of(
                                "ratio relay (consumers stopped)/raw",
                                Report.number(alone.perSecond() / result.rawPerSecond(), 2),
                                "",
                                "reported"),
                        List.of(
                                "inbox: one consumer (accounting) draining them",
                                Report.number(result.inboxPerSecond(), 0),
                                seconds(result.inboxTime()),
                                "10k ≤ 5 s")));
        report.paragraph("Where the cores went (CPU per process from `/proc`, as in sections 2 and 7; per event is the "
                + "process' CPU over the events of the window). " + relayCpu("Relay, consumers stopped", alone)
                + relayCpu("Relay, consumers running", shared)
                + "**Raw producer** (" + result.events() + " records): "
                + result.rawCpu().summary(ProcessCpu.HARNESS) + ". Per record: "
                + perEvent(result.rawCpu(), result.events(), ProcessCpu.HARNESS, "kafka")
                + ". **Inbox** (" + result.events() + " events): "
                + result.inboxCpu().summary("accounting-service")
                + ". Per event: "
                + perEvent(result.inboxCpu(), result.events(), "accounting-service", "postgresql", "kafka") + ".");
        String relay = Report.number(alone.perSecond(), 0) + "/s alone, " + Report.number(shared.perSecond(), 0)
                + "/s with the topic's consumers on the same cores; ratio "
                + Report.number(alone.perSecond() / result.rawPerSecond(), 2) + " (raw "
                + Report.number(result.rawPerSecond(), 0) + "/s)";
        issueTargets.measured(IssueTargets.Target.RELAY, relay, alone.perSecond() >= 5000, "5");
        issueTargets.measured(
                IssueTargets.Target.INBOX_10K,
                seconds(result.inboxTime()) + " for " + result.events() + " through Kafka",
                result.events() >= 10_000 && result.inboxTime().toMillis() <= 5000,
                "5");
        findings.add("relay " + relay + "; one consumer drained " + result.events() + " events in "
                + seconds(result.inboxTime()));
    }

    private static String relayCpu(String title, EventThroughput.Drain drain) {
        return "**" + title + "** (first drop to empty outbox, " + drain.rows() + " events): "
                + drain.cpu().summary("sales-backoffice-service") + ". Per event: "
                + perEvent(drain.cpu(), drain.rows(), "sales-backoffice-service", "postgresql", "kafka")
                + ", of sales' the relay's own threads (`outbox-relay` and its producer's network thread) "
                + Report.number(relayThreadsMillis(drain.cpu()) * 1000.0 / Math.max(drain.rows(), 1), 0) + " µs. ";
    }

    private static long relayThreadsMillis(ProcessCpu.Usage used) {
        Map<String, Long> threads = used.threadMillis().getOrDefault("sales-backoffice-service", Map.of());
        return threads.getOrDefault("outbox-relay", 0L) + threads.getOrDefault("kafka-producer-network-thread", 0L);
    }

    private static String perEvent(ProcessCpu.Usage used, long events, String... processes) {
        List<String> parts = new ArrayList<>();
        for (String process : processes) {
            parts.add(process + " "
                    + Report.number(used.cpuMillis().getOrDefault(process, 0L) * 1000.0 / Math.max(events, 1), 0)
                    + " µs");
        }
        return String.join(", ", parts);
    }

    // --- 6. Ready alone: each application restarted while the others idle.

    private void readyAlone(LocalPlatform platform) {
        List<List<String>> rows = new ArrayList<>();
        for (AppProcess process : platform.processes()) {
            process.restart();
            rows.add(List.of(
                    process.name(),
                    seconds(process.lastStartupTime()),
                    process.lastStartupCpu().map(Benchmark::seconds).orElse("–"),
                    Machine.load()));
            System.out.printf(
                    Locale.ROOT, "[bench] %s ready alone in %s%n", process.name(), seconds(process.lastStartupTime()));
        }
        report.heading("6. Time to ready of each application started alone");
        report.paragraph("Each application stopped and started again while the others run idle (PostgreSQL and Kafka "
                + "up), from launching the JVM until `/q/health/ready` answered 200. From the second launch on the "
                + "launcher maps the application's class data archive (AppCDS, recorded at the first launch's exit; "
                + "`deploy/local` ClassDataArchive). The whole platform's time is in section 4 (target ≤ 30 s; alone "
                + "≤ 2.5 s). CPU at ready: the JVM's user + system time when it was first seen ready; well below the "
                + "time to ready means the JVM waited, for a core (see the load) or for something else (database, "
                + "Kafka, a health check's own wait).");
        report.table(List.of("application", "ready after", "CPU at ready", "load (1, 5, 15 min) after"), rows);
        List<Duration> servicesAlone = platform.processes().stream()
                .filter(process -> !process.name().equals(App.GATEWAY.module()))
                .map(AppProcess::lastStartupTime)
                .filter(java.util.Objects::nonNull)
                .sorted()
                .toList();
        if (!servicesAlone.isEmpty()) {
            Duration slowest = servicesAlone.get(servicesAlone.size() - 1);
            issueTargets.measured(
                    IssueTargets.Target.READY_ALONE,
                    seconds(servicesAlone.get(0)) + "–" + seconds(slowest) + " (" + servicesAlone.size() + " services)",
                    slowest.toMillis() <= 2500,
                    "6");
        }
        findings.add("ready alone: "
                + String.join(
                        ", ",
                        rows.stream().map(row -> row.get(0) + " " + row.get(1)).toList()));
    }

    private void summary() {
        issueTargets.writeTo(report);
        report.heading("Summary");
        report.paragraph(String.join(
                "\n", findings.stream().map(finding -> "- " + finding).toList()));
    }

    // --- Small things.

    private static CompletableFuture<Boolean> ok(CompletableFuture<HttpResponse<String>> answer, int status) {
        return answer.thenApply(response -> response.statusCode() == status);
    }

    private List<String> row(OpenLoop.Result result) {
        return List.of(
                result.target(),
                Report.number(result.offeredPerSecond(), 0),
                Report.number(result.achievedPerSecond(), 1),
                Report.millis(result.p50Millis()),
                Report.millis(result.p99Millis()),
                Report.millis(result.p999Millis()),
                Report.millis(result.maxMillis()),
                Long.toString(result.failed()),
                result.sustained(settings.p99Bound()) ? "yes" : "no");
    }

    private static String brief(OpenLoop.Result result) {
        return String.format(
                Locale.ROOT,
                "achieved %.1f/s, p50 %s ms, p99 %s ms, p99.9 %s ms, %d errors",
                result.achievedPerSecond(),
                Report.millis(result.p50Millis()),
                Report.millis(result.p99Millis()),
                Report.millis(result.p999Millis()),
                result.failed());
    }

    private Optional<Double> maxSustained(List<OpenLoop.Result> results, String target) {
        return results.stream()
                .filter(r -> r.target().equals(target) && r.sustained(settings.p99Bound()))
                .map(OpenLoop.Result::offeredPerSecond)
                .max(Double::compare);
    }

    // The highest rate tried says only "at least": the limit lies above it.
    private static String capacity(Optional<Double> maxSustained, List<Double> rates) {
        double highest = rates.stream().max(Double::compare).orElseThrow();
        return maxSustained
                .map(rate -> rate == highest
                        ? "≥ " + Report.number(rate, 0) + "/s (the highest rate tried)"
                        : Report.number(rate, 0) + "/s")
                .orElse("below " + Report.number(rates.get(0), 0) + "/s");
    }

    private static Optional<OpenLoop.Result> find(List<OpenLoop.Result> results, String target, double rate) {
        return results.stream()
                .filter(r -> r.target().equals(target) && r.offeredPerSecond() == rate)
                .findFirst();
    }

    private static String ratio(double numerator, double denominator) {
        return Report.number(numerator / denominator, 2);
    }

    static String seconds(Duration duration) {
        return duration == null ? "–" : ProcessCpu.seconds(duration.toMillis());
    }

    private static final double SETTLE_RATE = 100;

    /**
     * Calm steps ({@link #SETTLE_RATE}/s for 5 s) until one is answered without an error within the p99 bound, up to
     * {@link #EVENT_WAIT}; how long that took, or the last calm step's figures when none was clean.
     */
    private Optional<Duration> settle(OpenLoop.Request request, List<String> last) {
        long started = System.nanoTime();
        long deadline = started + EVENT_WAIT.toNanos();
        while (true) {
            OpenLoop.Result calm = OpenLoop.run("settle", SETTLE_RATE, Duration.ofSeconds(5), REQUEST_TIMEOUT, request);
            if (calm.failed() == 0 && calm.p99Millis() <= settings.p99Bound().toMillis()) {
                return Optional.of(Duration.ofNanos(System.nanoTime() - started));
            }
            if (System.nanoTime() > deadline) {
                last.add(brief(calm));
                return Optional.empty();
            }
        }
    }

    private static void awaitStatus(Api api, String path, int status) {
        long deadline = System.nanoTime() + EVENT_WAIT.toNanos();
        while (api.status(path) != status) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("GET " + path + " did not answer " + status + " within " + EVENT_WAIT);
            }
            sleep(Duration.ofMillis(100));
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    private static <T> List<T> inParallel(int count, IntFunction<T> task) {
        // A few at a time: the setup should be quick, not a load test of its own.
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<T>> tasks = IntStream.range(0, count)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> task.apply(i), pool))
                    .toList();
            return tasks.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdownNow();
        }
    }

    record Offer(String id, String customerId) {}

    /** Customers known to accounting and a product, created through the gateway before anything is measured. */
    record Fixture(List<String> customerIds, String sku) {

        static Fixture create(Api gateway, int customers) {
            String run = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
            String sku = "BENCH-" + run;
            gateway.post("/api/v1/sales/products", """
                    {"sku": "%s", "name": "Consulting day", "unitPrice": 1200.00, "vatRate": 19, "unit": "day"}
                    """.formatted(sku), 201);
            List<String> ids = inParallel(
                    customers,
                    i -> gateway.post(
                                    "/api/v1/sales/customers", Api.customerJson("Bench customer " + run + " " + i), 201)
                            .get("id")
                            .asText());
            for (String id : ids) {
                awaitStatus(gateway, "/api/v1/accounting/customers/" + id, 200);
            }
            return new Fixture(ids, sku);
        }

        /** A new offer of the customer {@code index} (round robin), sent, ready to be accepted. */
        Offer sentOffer(Api gateway, int index) {
            String customerId = customerIds.get(index % customerIds.size());
            JsonNode offer = gateway.post("/api/v1/sales/offers", """
                    {"customerId": "%s", "lines": [{"sku": "%s", "quantity": 3}], "billing": "ON_ACCEPTANCE"}
                    """.formatted(customerId, sku), 201);
            String id = offer.get("id").asText();
            gateway.post("/api/v1/sales/offers/" + id + "/send", null, 200);
            return new Offer(id, customerId);
        }

        /** Accepts the offer and waits for its invoice; its id. */
        String invoiceFor(Api gateway, Offer offer) {
            gateway.post("/api/v1/sales/offers/" + offer.id() + "/accept", null, 200);
            long deadline = System.nanoTime() + EVENT_WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                for (JsonNode invoice : gateway.get(
                                "/api/v1/accounting/invoices?size=100&customerId=" + offer.customerId(), 200)
                        .get("items")) {
                    if (offer.id().equals(invoice.path("offerId").asText())) {
                        return invoice.get("id").asText();
                    }
                }
                sleep(Duration.ofMillis(100));
            }
            throw new IllegalStateException("no invoice for offer " + offer.id() + " within " + EVENT_WAIT);
        }
    }
}
