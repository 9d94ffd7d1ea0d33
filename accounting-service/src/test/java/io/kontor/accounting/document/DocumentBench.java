package io.kontor.accounting.document;

import static org.assertj.core.api.Assertions.assertThat;

import io.kontor.accounting.invoice.Invoice;
import io.kontor.platform.company.CompanyProfile;
import io.kontor.platform.events.sales.CustomerType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;

/**
 * What freezing one invoice's documents costs in CPU (#23), a harness and not a test: its name ends in Bench, so
 * {@code mvn test} leaves it out. It renders what {@link InvoiceDocuments#freeze} renders (PDF, XRechnung, ZUGFeRD XML,
 * ZUGFeRD PDF/A-3) in a loop, warm, and reports CPU milliseconds per invoice and per document, and where they go (a
 * Flight Recorder profile of the loop, by the method on top of the stack). Timing targets belong to
 * {@code benchmarks/harness}; this only says what one invoice costs and why.
 *
 * <pre>
 * ./mvnw -o -Dmaven.repo.local=... -pl accounting-service -am verify -Dtest=DocumentBench \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dbench.invoices=300
 * </pre>
 *
 * Figures go to {@code accounting-service/target/document-bench.txt}, the recording to
 * {@code target/document-bench.jfr}.
 */
class DocumentBench {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Test
    void cpu_per_frozen_invoice() throws Exception {
        int invoices = Integer.getInteger("bench.invoices", 300);
        Invoice invoice = Invoices.issued(CustomerType.BUSINESS);
        CompanyProfile seller = new TestSeller();
        // Warm: the JIT and the libraries' one-time set-up are not what a running service pays per invoice.
        for (int i = 0; i < Math.max(50, invoices / 2); i++) {
            renderAll(invoice, seller, new long[4]);
        }
        long[] cpuNanos = new long[4];
        Path jfr = Path.of("target", "document-bench.jfr");
        long wallBegin = System.nanoTime();
        try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
            recording.start();
            for (int i = 0; i < invoices; i++) {
                renderAll(invoice, seller, cpuNanos);
            }
            recording.stop();
            recording.dump(jfr);
        }
        long wall = System.nanoTime() - wallBegin;
        long total = cpuNanos[0] + cpuNanos[1] + cpuNanos[2] + cpuNanos[3];
        List<String> lines = new ArrayList<>();
        lines.add(String.format(
                Locale.ROOT,
                "%d invoices, load %s: CPU %.2f ms per invoice (PDF %.2f, XRechnung %.2f, ZUGFeRD XML %.2f, "
                        + "ZUGFeRD PDF/A-3 %.2f), wall %.2f ms per invoice",
                invoices,
                Files.readString(Path.of("/proc/loadavg")).trim(),
                total / 1e6 / invoices,
                cpuNanos[0] / 1e6 / invoices,
                cpuNanos[1] / 1e6 / invoices,
                cpuNanos[2] / 1e6 / invoices,
                cpuNanos[3] / 1e6 / invoices,
                wall / 1e6 / invoices));
        lines.addAll(topFrames(jfr, 25));
        lines.forEach(System.out::println);
        Path out = Path.of("target", "document-bench.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(
                out,
                String.join("\n", lines) + "\n\n",
                StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        assertThat(total).isPositive();
    }

    // As InvoiceDocuments.freeze renders them, each timed in this thread's CPU time.
    private static void renderAll(Invoice invoice, CompanyProfile seller, long[] cpuNanos) {
        long t0 = THREADS.getCurrentThreadCpuTime();
        byte[] pdf = InvoicePdf.of(invoice, seller);
        long t1 = THREADS.getCurrentThreadCpuTime();
        String xrechnung = XRechnung.of(invoice, seller);
        long t2 = THREADS.getCurrentThreadCpuTime();
        String zugferd = XRechnung.of(invoice, seller, XRechnung.ZUGFERD_EN16931);
        long t3 = THREADS.getCurrentThreadCpuTime();
        byte[] hybrid = InvoicePdf.zugferd(pdf, zugferd);
        long t4 = THREADS.getCurrentThreadCpuTime();
        cpuNanos[0] += t1 - t0;
        cpuNanos[1] += t2 - t1;
        cpuNanos[2] += t3 - t2;
        cpuNanos[3] += t4 - t3;
        if (pdf.length == 0 || xrechnung.isEmpty() || hybrid.length == 0) {
            throw new IllegalStateException("nothing rendered");
        }
    }

    private static List<String> topFrames(Path jfr, int limit) throws Exception {
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> inclusive = new HashMap<>();
        long samples = 0;
        try (RecordingFile file = new RecordingFile(jfr)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample")
                        || event.getStackTrace() == null
                        || event.getStackTrace().getFrames().isEmpty()) {
                    continue;
                }
                samples++;
                List<RecordedFrame> frames = event.getStackTrace().getFrames();
                self.merge(name(frames.get(0)), 1L, Long::sum);
                java.util.Set<String> counted = new java.util.HashSet<>();
                for (RecordedFrame frame : frames) {
                    // The test runner's frames are on every stack; what is below renderAll is the question.
                    if (name(frame).startsWith("org.junit.")
                            || name(frame).contains(".reflect.")
                            || name(frame).startsWith(DocumentBench.class.getName())) {
                        continue;
                    }
                    if (counted.add(name(frame))) {
                        inclusive.merge(name(frame), 1L, Long::sum);
                    }
                }
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(samples + " samples; inclusive:");
        lines.addAll(top(inclusive, samples, limit));
        lines.add("self:");
        lines.addAll(top(self, samples, limit));
        return lines;
    }

    private static List<String> top(Map<String, Long> counts, long samples, int limit) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(limit)
                .map(e -> String.format(Locale.ROOT, "  %5.1f %%  %s", 100.0 * e.getValue() / samples, e.getKey()))
                .toList();
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }
}
