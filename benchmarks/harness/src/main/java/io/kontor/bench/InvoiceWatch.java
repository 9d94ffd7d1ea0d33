package io.kontor.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One poller that watches the newest invoices through the gateway and tells each waiting offer when its invoice became
 * readable. What observing costs is a fixed rate (one small list request per interval, one more page only while more
 * new invoices arrived than a page holds), whatever the number of offers waiting: polling per offer would add load that
 * grows with the latency it measures.
 *
 * <p>It reads {@code GET /api/v1/accounting/invoices?status=ISSUED} (newest first by creation; the status filter runs
 * on the index {@code invoice_by_status (status, created_at desc)}), pages on while most of a page is invoices it had
 * not seen, and completes the offer's future with the {@link System#nanoTime()} the page arrived at.
 */
final class InvoiceWatch implements AutoCloseable {

    static final int PAGE_SIZE = 20;
    private static final int MAX_PAGES = 100;

    private final Api gateway;
    private final Duration every;
    private final Map<String, CompletableFuture<Long>> waiting = new ConcurrentHashMap<>();
    // Only the poller thread touches it.
    private final Set<String> seenInvoices = new HashSet<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong failedRequests = new AtomicLong();
    private final AtomicLong late = new AtomicLong();
    private final Thread poller;
    private volatile boolean running = true;

    private InvoiceWatch(Api gateway, Duration every) {
        this.gateway = gateway;
        this.every = every;
        this.poller = new Thread(this::pollForever, "bench-invoice-watch");
        this.poller.setDaemon(true);
    }

    /** Starts watching; the invoices already there count as seen. */
    static InvoiceWatch start(Api gateway, Duration every) {
        InvoiceWatch watch = new InvoiceWatch(gateway, every);
        watch.pollOnce(false);
        watch.poller.start();
        return watch;
    }

    /** Registers an offer before it is accepted; completes with the nano time its invoice was first seen. */
    CompletableFuture<Long> expect(String offerId) {
        return waiting.computeIfAbsent(offerId, id -> new CompletableFuture<>());
    }

    /** The offer will not get an invoice (its accept failed) or was given up on. */
    void forget(String offerId) {
        waiting.remove(offerId);
    }

    /** A future given up on (timed out) whose invoice came later: counted, for the report. */
    long late() {
        return late.get();
    }

    long requests() {
        return requests.get();
    }

    long failedRequests() {
        return failedRequests.get();
    }

    int waiting() {
        return waiting.size();
    }

    private void pollForever() {
        while (running) {
            long next = System.nanoTime() + every.toNanos();
            pollOnce(true);
            long rest = next - System.nanoTime();
            if (rest > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(rest);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private void pollOnce(boolean report) {
        for (int page = 0; page < MAX_PAGES && running; page++) {
            HttpResponse<String> answer;
            try {
                requests.incrementAndGet();
                answer = gateway.getAsync(
                                "/api/v1/accounting/invoices?status=ISSUED&size=" + PAGE_SIZE + "&page=" + page)
                        .get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                    return;
                }
                failedRequests.incrementAndGet();
                return;
            }
            long arrived = System.nanoTime();
            if (answer.statusCode() != 200) {
                failedRequests.incrementAndGet();
                return;
            }
            JsonNode items;
            try {
                items = Api.JSON.readTree(answer.body()).path("items");
            } catch (IOException e) {
                failedRequests.incrementAndGet();
                return;
            }
            int unseen = 0;
            for (JsonNode invoice : items) {
                if (!seenInvoices.add(invoice.path("id").asText())) {
                    continue;
                }
                unseen++;
                CompletableFuture<Long> offer =
                        waiting.remove(invoice.path("offerId").asText());
                if (report && offer != null && !offer.complete(arrived)) {
                    late.incrementAndGet();
                }
            }
            // Newest first: once a page is mostly invoices seen before, older pages hold nothing new. (Not at the first
            // known one: invoices created between two page requests shift the pages by as many.)
            if (unseen <= PAGE_SIZE / 2 || items.size() < PAGE_SIZE) {
                return;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        poller.interrupt();
        try {
            poller.join(TimeUnit.SECONDS.toMillis(35));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
