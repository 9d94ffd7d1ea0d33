package io.kontor.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.kontor.local.App;
import io.kontor.local.AppProcess;
import io.kontor.local.LocalPlatform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Batch work in accounting (#23), against the running platform's accounting-service the way a customer runs it: a
 * camt.053 statement uploaded to {@code POST /api/v1/accounting/bank-statements} and matched against open invoices, and
 * {@code POST /api/v1/accounting/dunning-runs} over overdue invoices.
 *
 * <p>The invoices are the fixture, written straight into accounting's database (as {@link EventThroughput} writes into
 * an outbox; not measured) the way accounting's own bench ({@code accounting-service/src/test/.../bench}) seeds them:
 * issued invoices of 119.00 EUR of one customer, numbered {@code RE-<year>-000001…}, buyer "Bench Kunde i". Each
 * statement entry pays one of them with its number in the remittance text and the buyer as payer, so every entry is
 * really matched and booked (payment, bank entry, PaymentReceived and InvoicePaid into the outbox). A run is checked:
 * the answer must list every entry as matched, and the database must hold every invoice of the statement as PAID; the
 * dunning run must have stored a reminder for every seeded invoice.
 *
 * <p>The invoice numbers use years (2091…) that the platform's own numbering does not reach, so the fixture never
 * collides with invoices the other sections issued; the dates are real (due before today), so a dunning run as of today
 * finds them.
 */
final class AccountingBatch {

    /** Years of the fixtures' invoice numbers: far from the numbering of the invoices the platform issues itself. */
    private static final int FIRST_IMPORT_YEAR = 2091;

    private static final int DUNNING_YEAR = 2099;
    private static final int MAX_PER_YEAR = 999_999;
    private static final String OWN_IBAN = "DE02120300000000202051";
    private static final Duration BATCH_TIMEOUT = Duration.ofHours(1);
    private static final ZoneId SELLER_ZONE = ZoneId.of("Europe/Berlin");
    private static final Pattern GC_LINE =
            Pattern.compile("Pause (Young|Full) \\(([^)]*)\\).* (\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

    /** {@code --import-sizes} and {@code --dunning-size}; empty / 0 leaves that part out. */
    record Options(List<Integer> importSizes, int dunningSize) {

        /** Takes its options out of {@code given}, so that the caller can refuse whatever is left. */
        static Options parse(Map<String, String> given) {
            String sizes = Optional.ofNullable(given.remove("import-sizes")).orElse("10000,100000");
            List<Integer> importSizes = Arrays.stream(sizes.split(","))
                    .map(String::strip)
                    .filter(size -> !size.isEmpty())
                    .map(Integer::valueOf)
                    .filter(size -> size > 0)
                    .toList();
            int dunningSize = Integer.parseInt(
                    Optional.ofNullable(given.remove("dunning-size")).orElse("100000"));
            if (importSizes.stream().anyMatch(size -> size > MAX_PER_YEAR) || dunningSize > MAX_PER_YEAR) {
                throw new IllegalArgumentException("--import-sizes / --dunning-size: at most " + MAX_PER_YEAR);
            }
            // One year of invoice numbers per import, below the dunning run's.
            if (importSizes.size() > DUNNING_YEAR - FIRST_IMPORT_YEAR - 1) {
                throw new IllegalArgumentException("--import-sizes: at most " + (DUNNING_YEAR - FIRST_IMPORT_YEAR - 1));
            }
            return new Options(importSizes, dunningSize);
        }

        boolean any() {
            return !importSizes.isEmpty() || dunningSize > 0;
        }
    }

    /**
     * Heap of accounting's JVM around one import, from its GC log (switched on with {@code jcmd VM.log}): a full GC
     * ({@code jcmd GC.run}) right before gives what was live; every collection during the import gives the heap used
     * after it (live data plus old garbage a young collection leaves: an upper bound of what the import holds) and
     * before it (the peak); a full GC right after gives what stayed live.
     */
    record Heap(double baselineMb, double maxAfterGcMb, double peakUsedMb, double liveAfterMb, int collections) {

        double growthMb() {
            return maxAfterGcMb - baselineMb;
        }
    }

    record Import(
            String what, int entries, long xmlBytes, Duration time, int matched, Heap heap, String load, String cpu) {}

    record Dunning(int invoices, Duration time, int notices, long stored, String load, String cpu) {}

    private final LocalPlatform platform;
    private final AppProcess accounting;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final Path work;

    private AccountingBatch(LocalPlatform platform, String token) {
        this.cpu = ProcessCpu.of(platform);
        this.platform = platform;
        this.accounting = platform.process("accounting");
        this.token = token;
        this.work = accounting.log().getParent().resolve("accounting-batch");
    }

    private final ProcessCpu cpu;

    /** Runs the section and writes it into {@code report}; the lines for the summary. */
    static List<String> measure(
            LocalPlatform platform, String token, Options options, Report report, IssueTargets targets) {
        return new AccountingBatch(platform, token).run(options, report, targets);
    }

    private List<String> run(Options options, Report report, IssueTargets targets) {
        List<Import> imports = new ArrayList<>();
        Optional<Dunning> dunning = Optional.empty();
        Duration restartReady = null;
        try {
            Files.createDirectories(work);
            LocalDate today = LocalDate.now(SELLER_ZONE);
            if (!options.importSizes().isEmpty()) {
                int first = options.importSizes().get(0);
                int year = FIRST_IMPORT_YEAR;
                // The fresh JVM's invoices are seeded before the restart, so that the import is the first request
                // after ready; it also warms the JVM for the imports after it.
                seed(first, year, today);
                accounting.restart();
                restartReady = accounting.lastStartupTime();
                imports.add(importStatement("first request of a fresh JVM", first, year, today));
                for (int n : options.importSizes()) {
                    year++;
                    seed(n, year, today);
                    imports.add(importStatement("warm", n, year, today));
                }
            }
            if (options.dunningSize() > 0) {
                dunning = Optional.of(dun(options.dunningSize(), today));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("accounting batch: " + e.getMessage(), e);
        }
        return write(report, imports, dunning, restartReady, targets);
    }

    // --- The fixture: issued invoices straight into accounting's database.

    /** Invoices for a statement booked yesterday: issued 16 days ago, due 2 days ago. */
    private void seed(int n, int year, LocalDate today) throws SQLException {
        seed(n, year, today.minusDays(2), today.minusDays(16));
    }

    /** n issued invoices of 119.00 (100.00 + 19 %) of one customer, RE-<year>-000001…, due on {@code dueDate}. */
    private void seed(int n, int year, LocalDate dueDate, LocalDate issueDate) throws SQLException {
        System.out.printf(Locale.ROOT, "[bench] accounting: seeding %d invoices RE-%d-…%n", n, year);
        try (Connection db = connect();
                PreparedStatement insert = db.prepareStatement("""
                        insert into invoice (id, invoice_number, origin, customer_id, status, currency, issue_date, due_date,
                            payment_term_days, net_total, vat_total, gross_total, paid_amount, dunning_level, buyer_number,
                            buyer_name, buyer_type, created_at)
                        select gen_random_uuid(), 'RE-' || ? || '-' || lpad(i::text, 6, '0'), 'MANUAL', ?, 'ISSUED', 'EUR',
                            ?, ?, 14, 100.00, 19.00, 119.00, 0, 0, 'K-BENCH', 'Bench Kunde ' || i, 'BUSINESS', now()
                        from generate_series(1, ?) as i""")) {
            insert.setInt(1, year);
            insert.setObject(2, UUID.randomUUID());
            insert.setObject(3, issueDate);
            insert.setObject(4, dueDate);
            insert.setInt(5, n);
            if (insert.executeUpdate() != n) {
                throw new IllegalStateException("seeded fewer than " + n + " invoices");
            }
        }
    }

    // --- camt.053 import and matching.

    private Import importStatement(String what, int n, int year, LocalDate today) throws IOException, SQLException {
        Path statement = statement(n, year, today.minusDays(1));
        Path answer = work.resolve("answer-" + year + ".json");
        long xmlBytes = Files.size(statement);
        GcLog gc = GcLog.start(accounting, work.resolve("gc-" + year + ".log"));
        System.out.printf(Locale.ROOT, "[bench] accounting: importing %d entries (%s)%n", n, what);
        ProcessCpu.Snapshot cpuBefore = cpu.snapshot();
        long started = System.nanoTime();
        HttpResponse<Path> response = send(
                "/api/v1/accounting/bank-statements",
                "application/xml",
                HttpRequest.BodyPublishers.ofFile(statement),
                HttpResponse.BodyHandlers.ofFile(answer));
        Duration time = Duration.ofNanos(System.nanoTime() - started);
        String used = cpu.snapshot().since(cpuBefore).summary("accounting-service");
        String load = Machine.load();
        Heap heap = gc.stop();
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "camt.053 import of " + n + " entries answered " + response.statusCode() + ": " + head(answer));
        }
        int matched = countArray(answer, "matched");
        long paid = count("select count(*) from invoice where invoice_number like ? and status = 'PAID'", year);
        if (matched != n || paid != n) {
            throw new IllegalStateException("camt.053 import of " + n + " entries: " + matched + " matched, " + paid
                    + " invoices PAID; see " + answer);
        }
        Files.delete(statement);
        Files.delete(answer);
        Import result = new Import(what, n, xmlBytes, time, matched, heap, load, used);
        System.out.printf(
                Locale.ROOT,
                "[bench] accounting: %d entries (%s) imported and matched in %s, heap after GC at most %+.0f MB; CPU: %s%n",
                n,
                what,
                Benchmark.seconds(time),
                heap.growthMb(),
                used);
        return result;
    }

    /**
     * A camt.053.001.02 statement (the version German banks deliver most) of the company's account with n credit
     * entries of 119.00, each paying one invoice with its number in the remittance text, as accounting's bench writes.
     */
    private Path statement(int n, int year, LocalDate booked) throws IOException {
        Path file = work.resolve("camt053-" + year + ".xml");
        try (Writer xml = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            xml.write("""
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>
                <GrpHdr><MsgId>BENCH-%d</MsgId><CreDtTm>%sT06:00:00</CreDtTm></GrpHdr>
                <Stmt><Id>BENCH-%d</Id><CreDtTm>%sT06:00:00</CreDtTm><Acct><Id><IBAN>%s</IBAN></Id></Acct>
                """.formatted(year, booked.plusDays(1), year, booked.plusDays(1), OWN_IBAN));
            for (int i = 1; i <= n; i++) {
                xml.write("""
                    <Ntry><Amt Ccy="EUR">119.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>%s</Dt></BookgDt>\
                    <ValDt><Dt>%s</Dt></ValDt><AcctSvcrRef>BENCH-%d-%d</AcctSvcrRef><NtryDtls><TxDtls>\
                    <RltdPties><Dbtr><Nm>Bench Kunde %d</Nm></Dbtr></RltdPties><RmtInf><Ustrd>RE-%d-%06d</Ustrd></RmtInf>\
                    </TxDtls></NtryDtls></Ntry>
                    """.formatted(booked, booked, year, i, i, year, i));
            }
            xml.write("</Stmt></BkToCstmrStmt></Document>\n");
        }
        return file;
    }

    // --- Dunning run.

    private Dunning dun(int n, LocalDate today) throws IOException, SQLException {
        // Due a month ago: past the reminder's 7 days, so a run as of today sends each its reminder (level 1).
        seed(n, DUNNING_YEAR, today.minusDays(30), today.minusDays(44));
        Path answer = work.resolve("dunning-" + DUNNING_YEAR + ".json");
        System.out.printf(Locale.ROOT, "[bench] accounting: dunning run over %d overdue invoices%n", n);
        ProcessCpu.Snapshot cpuBefore = cpu.snapshot();
        long started = System.nanoTime();
        HttpResponse<Path> response = send(
                "/api/v1/accounting/dunning-runs",
                "application/json",
                HttpRequest.BodyPublishers.ofString("{}"),
                HttpResponse.BodyHandlers.ofFile(answer));
        Duration time = Duration.ofNanos(System.nanoTime() - started);
        String used = cpu.snapshot().since(cpuBefore).summary("accounting-service");
        String load = Machine.load();
        if (response.statusCode() != 200) {
            throw new IllegalStateException("dunning run answered " + response.statusCode() + ": " + head(answer));
        }
        int notices = countArray(answer, "notices");
        long stored =
                count("select count(*) from dunning_notice where invoice_number like ? and level = 1", DUNNING_YEAR);
        if (stored != n || notices < n) {
            throw new IllegalStateException("dunning run over " + n + " overdue invoices: " + notices
                    + " notices in the answer, " + stored + " reminders stored; see " + answer);
        }
        Files.delete(answer);
        System.out.printf(
                Locale.ROOT,
                "[bench] accounting: dunning run over %d invoices in %s; CPU: %s%n",
                n,
                Benchmark.seconds(time),
                used);
        return new Dunning(n, time, notices, stored, load, used);
    }

    // --- The report.

    private List<String> write(
            Report report,
            List<Import> imports,
            Optional<Dunning> dunning,
            Duration restartReady,
            IssueTargets targets) {
        report.heading("7. Batch work in accounting: camt.053 import and matching, dunning run");
        report.paragraph(String.format(
                Locale.ROOT,
                "Against this platform's accounting-service (-Xmx%dm, serial GC, as the launcher starts it), straight on "
                        + "the service with the launcher's admin token. Fixture (not timed): issued invoices of 119.00 EUR "
                        + "of one customer written into accounting's database, as accounting's own bench seeds them. "
                        + "**Import**: a camt.053.001.02 statement of the company's account with one credit entry per "
                        + "invoice (its number in the remittance text, the buyer as payer) uploaded to `POST "
                        + "/api/v1/accounting/bank-statements`; timed from sending the first byte until the answer was "
                        + "read: streaming, matching, booking every payment and bank entry with PaymentReceived and "
                        + "InvoicePaid in the outbox, in commits of 500. Checked: the answer lists every entry as "
                        + "matched and the database holds every invoice as PAID. The first import is the first request "
                        + "after accounting was restarted (ready after %s; the launcher maps its AppCDS archive); the "
                        + "ones after it are warm. The relay publishes the booked events meanwhile, as in production. "
                        + "**Heap** (accounting's JVM, from its GC log switched on with `jcmd VM.log`): \"live before\" "
                        + "is the heap after a full GC (`jcmd GC.run`) right before the upload; \"after GC, at most\" the "
                        + "highest heap used after any collection during the import (live data plus old-generation garbage "
                        + "a young collection leaves, so an upper bound of what the import holds); growth = the "
                        + "difference (#23: < 64 MB); \"peak used\" the most used before a collection (garbage "
                        + "included); \"live after\" after a full GC right after. **Dunning**: `POST "
                        + "/api/v1/accounting/dunning-runs` `{}` (as of today) over invoices due 30 days ago; checked: "
                        + "a level-1 reminder stored for each.",
                App.ACCOUNTING.heapMegabytes(),
                restartReady == null ? "–" : Benchmark.seconds(restartReady)));
        List<List<String>> rows = new ArrayList<>();
        List<String> findings = new ArrayList<>();
        for (Import run : imports) {
            boolean large = run.entries() > imports.get(0).entries();
            boolean fresh = run == imports.get(0);
            rows.add(List.of(
                    "camt.053 import + match, " + run.what(),
                    Report.number(run.entries(), 0) + " (" + Report.number(run.xmlBytes() / 1048576.0, 1) + " MB)",
                    before(run, fresh, large),
                    "**" + Benchmark.seconds(run.time()) + "** ("
                            + Report.number(run.entries() / Math.max(run.time().toMillis() / 1000.0, 0.001), 0)
                            + "/s)",
                    target(run, fresh, large),
                    heap(run.heap()),
                    run.cpu(),
                    run.load()));
            if (run.entries() == 10_000) {
                targets.measured(
                        fresh ? IssueTargets.Target.IMPORT_10K_FIRST : IssueTargets.Target.IMPORT_10K_WARM,
                        Benchmark.seconds(run.time()) + ", " + run.matched() + " matched",
                        run.time().toMillis() <= (fresh ? 8_000 : 5_000),
                        "7");
            } else if (run.entries() == 100_000) {
                targets.measured(
                        IssueTargets.Target.IMPORT_100K,
                        Benchmark.seconds(run.time()) + ", heap growth "
                                + String.format(
                                        Locale.ROOT, "%+.0f MB", run.heap().growthMb()),
                        run.time().toMillis() <= 50_000 && run.heap().growthMb() < 64,
                        "7");
            }
            findings.add(String.format(
                    Locale.ROOT,
                    "camt.053 import + match of %d entries (%s): %s, heap growth %+.0f MB",
                    run.entries(),
                    run.what(),
                    Benchmark.seconds(run.time()),
                    run.heap().growthMb()));
        }
        dunning.ifPresent(run -> {
            rows.add(List.of(
                    "dunning run",
                    Report.number(run.invoices(), 0),
                    run.invoices() == 100_000
                            ? "49.6 s (run 1), 101.0 s (run 3), 189.9 s (run 5 old, a73c3a3); after #23: 87.4 s (run 5 new)"
                            : "100k: 49.6–189.9 s",
                    "**" + Benchmark.seconds(run.time()) + "** ("
                            + Report.number(run.invoices() / Math.max(run.time().toMillis() / 1000.0, 0.001), 0)
                            + "/s, " + run.notices() + " notices)",
                    "100k ≤ 15 s" + verdict(run.invoices() == 100_000, run.time(), Duration.ofSeconds(15)),
                    "",
                    run.cpu(),
                    run.load()));
            if (run.invoices() == 100_000) {
                targets.measured(
                        IssueTargets.Target.DUNNING_100K,
                        Benchmark.seconds(run.time()) + ", " + run.notices() + " notices",
                        run.time().toMillis() <= 15_000,
                        "7");
            }
            findings.add(String.format(
                    Locale.ROOT,
                    "dunning run over %d overdue invoices: %s",
                    run.invoices(),
                    Benchmark.seconds(run.time())));
        });
        report.table(
                List.of(
                        "measure",
                        "n",
                        "before (accounting's bench RESULTS.md, in-process test JVM -Xmx1g–3g)",
                        "this run",
                        "target (#23)",
                        "heap: live before → after GC at most (growth) / peak used / live after, MB",
                        "CPU while it ran (`/proc`): the busiest processes; the machine",
                        "load average at the end"),
                rows);
        report.paragraph("\"Before\": `accounting-service/src/test/java/io/kontor/accounting/bench/RESULTS.md` — runs "
                + "1–3 (27 Nov 2026, before #23: Prowide's JAXB model, per-entry queries, no JDBC batching; the "
                + "figures issue #23 quotes: 10k 51–120 s, 100k 590 s, dunning 100k 50–101 s) and run 5 (5 Dec 2026, "
                + "old = main at a73c3a3 and new = #23's first round, back to back, load 20–34). Those ran inside a "
                + "@QuarkusTest JVM (service and bench in one process, 1–3 GB heap), not against the launched "
                + "platform; each at its own machine load. Compare ratios, not absolute times, across the columns.");
        return findings;
    }

    private static String before(Import run, boolean fresh, boolean large) {
        if (large) {
            return run.entries() == 100_000
                    ? "589.5 s (run 3, needed -Xmx3g); after #23: 97.5 s, +17 MB (run 5 new)"
                    : "100k: 589.5 s (run 3)";
        }
        if (run.entries() != 10_000) {
            return "10k: see the 10k rows";
        }
        return fresh
                ? "51.3 s (run 1), 119.8 s (run 3), 103.7 s (run 5 old); after #23: 25.3 s (run 5 new)"
                : "47.4 s (run 5 old); after #23: 13.1 s (run 5 new)";
    }

    private static String target(Import run, boolean fresh, boolean large) {
        if (large) {
            return "100k ≤ 50 s, heap growth < 64 MB"
                    + verdict(run.entries() == 100_000, run.time(), Duration.ofSeconds(50))
                    + (run.entries() == 100_000
                            ? (run.heap().growthMb() < 64 ? ", growth met" : ", growth missed")
                            : "");
        }
        return fresh
                ? "10k ≤ 8 s" + verdict(run.entries() == 10_000, run.time(), Duration.ofSeconds(8))
                : "10k ≤ 5 s" + verdict(run.entries() == 10_000, run.time(), Duration.ofSeconds(5));
    }

    private static String verdict(boolean applies, Duration time, Duration bound) {
        return !applies ? "" : time.compareTo(bound) <= 0 ? " — met" : " — missed";
    }

    private static String heap(Heap heap) {
        return String.format(
                Locale.ROOT,
                "%.0f → %.0f (%+.0f) / %.0f / %.0f; %d GCs",
                heap.baselineMb(),
                heap.maxAfterGcMb(),
                heap.growthMb(),
                heap.peakUsedMb(),
                heap.liveAfterMb(),
                heap.collections());
    }

    // --- Accounting's GC log.

    /** Switches accounting's GC log into a file of its own and brackets the import with two full collections. */
    private static final class GcLog {
        private final AppProcess app;
        private final Path file;

        private GcLog(AppProcess app, Path file) {
            this.app = app;
            this.file = file;
        }

        static GcLog start(AppProcess app, Path file) {
            GcLog log = new GcLog(app, file);
            log.jcmd("VM.log", "output=file=" + file, "what=gc", "decorators=uptimemillis");
            log.jcmd("GC.run");
            return log;
        }

        Heap stop() throws IOException {
            jcmd("GC.run");
            // The log is written by the VM itself; give it a moment to reach the file.
            Benchmark.sleep(Duration.ofMillis(500));
            List<double[]> pauses = new ArrayList<>();
            List<Boolean> diagnostic = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                Matcher gc = GC_LINE.matcher(line);
                if (gc.find()) {
                    pauses.add(new double[] {
                        mb(gc.group(3), gc.group(4)), mb(gc.group(5), gc.group(6)), mb(gc.group(7), gc.group(8))
                    });
                    diagnostic.add(gc.group(2).equals("Diagnostic Command"));
                }
            }
            int first = diagnostic.indexOf(true);
            int last = diagnostic.lastIndexOf(true);
            if (first < 0 || last <= first) {
                throw new IllegalStateException("no two jcmd GC.run collections in " + file);
            }
            double baseline = pauses.get(first)[1];
            double maxAfter = baseline;
            double peak = baseline;
            for (int i = first + 1; i < last; i++) {
                maxAfter = Math.max(maxAfter, pauses.get(i)[1]);
                peak = Math.max(peak, pauses.get(i)[0]);
            }
            peak = Math.max(peak, pauses.get(last)[0]);
            return new Heap(baseline, maxAfter, peak, pauses.get(last)[1], last - first - 1);
        }

        private static double mb(String value, String unit) {
            double number = Double.parseDouble(value);
            return switch (unit) {
                case "K" -> number / 1024;
                case "G" -> number * 1024;
                default -> number;
            };
        }

        private void jcmd(String... command) {
            Jcmd.run(app.pid().orElseThrow(() -> new IllegalStateException(app.name() + " is not running")), command);
        }
    }

    // --- Small things.

    private <T> HttpResponse<T> send(
            String path, String contentType, HttpRequest.BodyPublisher body, HttpResponse.BodyHandler<T> handler)
            throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(platform.serviceUrl("accounting") + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", contentType)
                .timeout(BATCH_TIMEOUT)
                .POST(body)
                .build();
        try {
            return http.send(request, handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    /** The number of elements of the top-level array {@code field} of a JSON file, read as a stream. */
    private static int countArray(Path json, String field) throws IOException {
        try (JsonParser parser = Api.JSON.getFactory().createParser(json.toFile())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException(json + " is no JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.getCurrentName();
                JsonToken value = parser.nextToken();
                if (name.equals(field) && value == JsonToken.START_ARRAY) {
                    int count = 0;
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        parser.skipChildren();
                        count++;
                    }
                    return count;
                }
                parser.skipChildren();
            }
            throw new IllegalStateException(json + " has no array " + field);
        }
    }

    private static String head(Path file) throws IOException {
        String text = Files.readString(file);
        return text.length() > 2000 ? text.substring(0, 2000) + "…" : text;
    }

    private long count(String sql, int year) throws SQLException {
        try (Connection db = connect();
                PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, "RE-" + year + "-%");
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(
                platform.postgres().jdbcUrl(App.ACCOUNTING.database().orElseThrow()),
                platform.postgres().username(),
                platform.postgres().password());
    }
}
