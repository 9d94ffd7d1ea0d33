package io.kontor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The harness's generator against a local HTTP server: a few seconds, no platform. */
class OpenLoopTest {

    private final AtomicBoolean stallOnce = new AtomicBoolean();
    private HttpServer server;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        // One thread: a stall holds up every request behind it, as a GC pause would.
        server.setExecutor(Executors.newSingleThreadExecutor());
        server.createContext("/", exchange -> {
            if (stallOnce.compareAndSet(true, false)) {
                sleep(Duration.ofMillis(500));
            }
            byte[] body = "ok".getBytes();
            exchange.sendResponseHeaders(
                    exchange.getRequestURI().getPath().equals("/missing") ? 404 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void it_sends_rate_times_duration_requests_and_reaches_about_the_offered_rate() {
        OpenLoop.Result result =
                OpenLoop.run("local", 200, Duration.ofSeconds(2), Duration.ofSeconds(10), i -> get("/"));

        assertThat(result.sent()).isEqualTo(400);
        assertThat(result.ok()).isEqualTo(400);
        assertThat(result.failed()).isZero();
        assertThat(result.latencyMicros().getTotalCount()).isEqualTo(400);
        assertThat(result.achievedPerSecond()).isBetween(150.0, 220.0);
        assertThat(result.overloaded()).isFalse();
    }

    @Test
    void a_stall_counts_against_every_request_that_was_due_during_it() {
        stallOnce.set(true);

        OpenLoop.Result result =
                OpenLoop.run("local", 200, Duration.ofSeconds(2), Duration.ofSeconds(10), i -> get("/"));

        // 500 ms at 200/s: about 100 requests were due while the server stood still. Measured from when each was sent
        // behind a closed loop, only one would be slow; from its intended start, the queue behind the stall shows.
        assertThat(result.percentileMillis(90)).isGreaterThan(50);
        assertThat(result.maxMillis()).isGreaterThanOrEqualTo(450);
        assertThat(result.sustained(Duration.ofMillis(100))).isFalse();
    }

    @Test
    void wrong_answers_are_errors_not_latencies() {
        OpenLoop.Result result =
                OpenLoop.run("local", 100, Duration.ofSeconds(1), Duration.ofSeconds(10), i -> get("/missing"));

        assertThat(result.failed()).isEqualTo(100);
        assertThat(result.ok()).isZero();
        assertThat(result.sustained(Duration.ofSeconds(10))).isFalse();
        assertThat(result.overloaded()).isTrue();
    }

    @Test
    void a_report_keeps_the_reading_written_by_hand_for_an_earlier_run() {
        String earlier = "# Results\n\n| a |\n\n## Reading\n\nThe gateway costs little.\n";

        assertThat(Report.readingOf(earlier)).isEqualTo("\n## Reading\n\nThe gateway costs little.\n");
        assertThat(Report.readingOf("# Results\n")).isEmpty();
    }

    private CompletableFuture<Boolean> get(String path) {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(answer -> answer.statusCode() == 200);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
