package io.kontor.accounting.bench;

import static io.kontor.accounting.Accounting.API;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kontor.accounting.dunning.DunningRun;
import io.kontor.platform.security.Roles;
import io.kontor.testing.MutableClock;
import io.kontor.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The accounting benchmark (issues 4 and 23), a harness and not a test: its name ends in Bench, so {@code mvn test}
 * leaves it out. RESULTS.md in this folder gives the command and records the runs. It seeds open invoices straight into
 * PostgreSQL (seeding is not what is measured), then times (1) importing and matching a camt.053 with one entry per
 * invoice through {@code POST /bank-statements} (the first import of the JVM is the cold figure, the next ones are
 * warm; each with the live heap's growth), and (2) a dunning run over as many overdue invoices (each gets
 * InvoiceOverdue and its reminder). Figures go to {@code target/bench-results.txt}.
 */
@QuarkusTest
class AccountingBench {

    @Inject
    EntityManager entityManager;

    @Inject
    DunningRun dunning;

    @Inject
    MutableClock clock;

    @Test
    void camt053_import_and_dunning_run() throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add(report("commit " + System.getProperty("bench.label", "?") + ", JVM max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB"));
        int year = 2060;
        int run = 0;
        for (int n : sizes("bench.import-sizes", "10000")) {
            year++;
            run++;
            seed(n, year, LocalDate.of(year, 1, 1));
            // Written to a file and sent from it, so that neither the statement nor its answer sits in this JVM's
            // heap (the service runs in the same JVM: the heap figure below is the service's).
            Path statement = statement(n, year);
            long xmlBytes = Files.size(statement);
            Path answer = Files.createTempFile("bench-answer-", ".json");
            HeapWatch heap = HeapWatch.start();
            long start = System.nanoTime();
            HttpResponse<Path> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(
                                            RestAssured.baseURI + ":" + RestAssured.port + API + "/bank-statements"))
                                    .header("Authorization", TestTokens.bearer(Roles.ACCOUNTING))
                                    .header("Content-Type", "application/xml")
                                    .timeout(java.time.Duration.ofHours(1))
                                    .POST(HttpRequest.BodyPublishers.ofFile(statement))
                                    .build(),
                            HttpResponse.BodyHandlers.ofFile(answer));
            long importMs = (System.nanoTime() - start) / 1_000_000;
            HeapWatch.Figures memory = heap.stop();
            assertThat(response.statusCode()).as(Files.readString(answer)).isEqualTo(200);
            int matched =
                    new ObjectMapper().readTree(answer.toFile()).get("matched").size();
            assertThat(matched).isEqualTo(n);
            Files.delete(statement);
            Files.delete(answer);
            lines.add(report(
                    "camt.053 import+match #%d (%s), %d entries (%d MB of XML) against %d open invoices: %d ms (%.0f entries/s);"
                                    .formatted(
                                            run,
                                            run == 1 ? "first request of the JVM" : "warm",
                                            n,
                                            xmlBytes / (1024 * 1024),
                                            n,
                                            importMs,
                                            n * 1000.0 / importMs)
                            + " heap: live after GC %+d MB over the baseline at most, used at most %d MB"
                                    .formatted(memory.liveGrowthMb(), memory.maxUsedMb())));
        }
        for (int n : sizes("bench.dunning-sizes", "10000,100000")) {
            year++;
            seed(n, year, LocalDate.of(year, 1, 1));
            LocalDate asOf = LocalDate.of(year, 3, 1);
            clock.set(Instant.parse(asOf + "T08:00:00Z"));
            long start = System.nanoTime();
            DunningRun.Result result = dunning.run(asOf);
            long dunningMs = (System.nanoTime() - start) / 1_000_000;
            clock.reset();
            assertThat(result.notices().size()).isGreaterThanOrEqualTo(n);
            // Out of the way of the next, larger run, which should dun its own invoices only.
            int seededYear = year;
            QuarkusTransaction.requiringNew()
                    .run(() -> entityManager
                            .createNativeQuery("update invoice set status = 'PAID' where invoice_number like ?1")
                            .setParameter(1, "RE-" + seededYear + "-%")
                            .executeUpdate());
            lines.add(report(
                    "dunning run over %d overdue invoices (%d reminders, %d newly overdue): %d ms (%.0f invoices/s)"
                            .formatted(
                                    n, result.notices().size(), result.overdue(), dunningMs, n * 1000.0 / dunningMs)));
        }
        Files.write(Path.of("target/bench-results.txt"), lines);
    }

    /**
     * Heap during an import, sampled every 20 ms: the most used, and the most still live after a collection (the sum of
     * the pools' usage after their last GC) above what was live before; the second is what streaming keeps flat.
     */
    private static final class HeapWatch {
        record Figures(long baseline, long maxLive, long maxUsed) {
            long liveGrowthMb() {
                return (maxLive - baseline) / (1024 * 1024);
            }

            long maxUsedMb() {
                return maxUsed / (1024 * 1024);
            }
        }

        private final long baseline;
        private final java.util.concurrent.atomic.AtomicLong maxLive = new java.util.concurrent.atomic.AtomicLong();
        private final java.util.concurrent.atomic.AtomicLong maxUsed = new java.util.concurrent.atomic.AtomicLong();
        private final Thread sampler;
        private volatile boolean running = true;

        private HeapWatch() {
            System.gc();
            baseline = live();
            maxLive.set(baseline);
            sampler = new Thread(() -> {
                while (running) {
                    maxLive.accumulateAndGet(live(), Math::max);
                    maxUsed.accumulateAndGet(
                            ManagementFactory.getMemoryMXBean()
                                    .getHeapMemoryUsage()
                                    .getUsed(),
                            Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.setDaemon(true);
            sampler.start();
        }

        static HeapWatch start() {
            return new HeapWatch();
        }

        Figures stop() throws InterruptedException {
            running = false;
            sampler.join();
            return new Figures(baseline, maxLive.get(), maxUsed.get());
        }

        private static long live() {
            long sum = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                    sum += pool.getCollectionUsage().getUsed();
                }
            }
            return sum;
        }
    }

    /** Each figure with the machine's load average when it was taken (the machine is shared). */
    private static String report(String line) {
        String load;
        try {
            load = Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            load = "unknown";
        }
        String reported = line + " [load average " + load + "]";
        System.out.println("BENCH " + reported);
        return reported;
    }

    private static List<Integer> sizes(String property, String defaults) {
        return java.util.Arrays.stream(System.getProperty(property, defaults).split(","))
                .map(String::strip)
                .filter(size -> !size.isEmpty())
                .map(Integer::valueOf)
                .toList();
    }

    /** n issued invoices of 119.00 (100.00 + 19 %), numbered RE-<year>-000001…, due on {@code dueDate}. */
    private void seed(int n, int year, LocalDate dueDate) {
        UUID customerId = UUID.randomUUID();
        QuarkusTransaction.requiringNew()
                .timeout(600)
                .run(() -> entityManager
                        .createNativeQuery("""
                insert into invoice (id, invoice_number, origin, customer_id, status, currency, issue_date, due_date,
                    payment_term_days, net_total, vat_total, gross_total, paid_amount, dunning_level, buyer_number, buyer_name,
                    buyer_type, created_at)
                select gen_random_uuid(), 'RE-' || ?1 || '-' || lpad(i::text, 6, '0'), 'MANUAL', ?2, 'ISSUED', 'EUR',
                    cast(?3 as date) - 14, cast(?3 as date),
                    14, 100.00, 19.00, 119.00, 0, 0, 'K-BENCH', 'Bench Kunde ' || i, 'BUSINESS', now()
                from generate_series(1, ?4) as i""")
                        .setParameter(1, year)
                        .setParameter(2, customerId)
                        .setParameter(3, dueDate)
                        .setParameter(4, n)
                        .executeUpdate());
    }

    /** A camt.053.001.02 statement with n credit entries of 119.00, each naming one invoice, in a file. */
    private static Path statement(int n, int year) throws IOException {
        Path file = Files.createTempFile("bench-camt053-", ".xml");
        try (java.io.Writer xml = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            xml.write("""
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>
                <GrpHdr><MsgId>BENCH-%d</MsgId><CreDtTm>%d-02-01T06:00:00</CreDtTm></GrpHdr>
                <Stmt><Id>BENCH-%d</Id><CreDtTm>%d-02-01T06:00:00</CreDtTm><Acct><Id><IBAN>DE02120300000000202051</IBAN></Id></Acct>
                """.formatted(year, year, year, year));
            for (int i = 1; i <= n; i++) {
                xml.write("""
                    <Ntry><Amt Ccy="EUR">119.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>%d-02-01</Dt></BookgDt>\
                    <ValDt><Dt>%d-02-01</Dt></ValDt><AcctSvcrRef>BENCH-%d-%d</AcctSvcrRef><NtryDtls><TxDtls>\
                    <RltdPties><Dbtr><Nm>Bench Kunde %d</Nm></Dbtr></RltdPties><RmtInf><Ustrd>RE-%d-%06d</Ustrd></RmtInf>\
                    </TxDtls></NtryDtls></Ntry>
                    """.formatted(year, year, year, i, i, year, i));
            }
            xml.write("</Stmt></BkToCstmrStmt></Document>\n");
        }
        return file;
    }
}
