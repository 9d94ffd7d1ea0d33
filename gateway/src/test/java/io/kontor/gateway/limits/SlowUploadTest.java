package io.kontor.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kontor.gateway.InjectStubServices;
import io.kontor.gateway.StubServices;
import io.kontor.gateway.StubServicesResource;
import io.kontor.gateway.routing.CircuitBreaker;
import io.kontor.gateway.routing.Downstream;
import io.kontor.gateway.routing.GatewayRoutes;
import io.kontor.platform.security.Roles;
import io.kontor.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One caller sending bodies at a byte a second, on real sockets, must neither take the connections to a service from
 * everyone else nor open the service's circuit breaker (issue 13).
 */
@QuarkusTest
@WithTestResource(StubServicesResource.class)
class SlowUploadTest {

    private static final String PRODUCTS = "/api/v1/sales/products";

    private final HttpClient clerk = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final List<SlowUpload> uploads = new ArrayList<>();
    private ScheduledExecutorService trickle;
    private ExecutorService readers;

    @InjectStubServices
    StubServices services;

    @Inject
    GatewayRoutes routes;

    @Inject
    InFlightLimits inFlight;

    @BeforeEach
    void start() {
        services.reset();
        trickle = Executors.newSingleThreadScheduledExecutor();
        readers = Executors.newCachedThreadPool();
    }

    @AfterEach
    void stop() {
        trickle.shutdownNow();
        readers.shutdownNow();
        uploads.forEach(SlowUpload::close);
        services.reset();
    }

    @Test
    void sixty_four_small_uploads_at_a_byte_a_second_hold_no_connection_and_another_caller_is_served()
            throws Exception {
        String slowSubject = "slow-" + UUID.randomUUID();
        String slowCaller = TestTokens.bearerFor(slowSubject, Roles.SALES);
        String clerkToken = TestTokens.bearerFor("clerk-" + UUID.randomUUID(), Roles.SALES);

        List<CompletableFuture<String>> heads = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            heads.add(startSlowUpload(slowCaller, 200));
        }
        // While the uploads trickle: more requests from another caller than the gateway keeps connections to sales.
        List<Integer> served = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            served.add(clerkPost(clerkToken, "Widget " + i));
        }

        Map<String, Long> slowAnswers = statusCounts(heads);
        assertThat(served).as("the other caller's POSTs").containsOnly(200);
        // Those under the in-flight cap time out; a slot freed that way may let one more in while the rest still
        // arrive, so "at least" the cap: the point is that most are refused at once.
        assertThat(slowAnswers).as("answers to the slow uploads").containsOnlyKeys("408", "429");
        assertThat(slowAnswers.get("408"))
                .as("timed out")
                .isGreaterThanOrEqualTo(StubServicesResource.IN_FLIGHT_PER_CALLER);
        assertThat(slowAnswers.get("429"))
                .as("refused at once")
                .isGreaterThanOrEqualTo(64L - 2 * StubServicesResource.IN_FLIGHT_PER_CALLER);
        assertThat(heads.stream().map(CompletableFuture::join).filter(head -> head.startsWith("HTTP/1.1 429")))
                .as("429 answers")
                .allSatisfy(head -> assertThat(head).containsIgnoringCase("Retry-After: 1"));
        assertThat(heads.stream().map(CompletableFuture::join))
                .allSatisfy(head -> assertThat(head).containsIgnoringCase("Content-Type: application/problem+json"));
        assertThat(services.sales().received())
                .as("requests that reached sales: the other caller's only")
                .hasSize(20);
        assertThat(routes.breakerState(Downstream.SALES)).isEqualTo(CircuitBreaker.State.CLOSED);
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(inFlight.underWay(slowSubject))
                        .as("requests of the slow caller still counted")
                        .isZero());
    }

    @Test
    void streamed_uploads_slower_than_the_minimum_rate_get_408_and_do_not_count_against_the_breaker() throws Exception {
        String slowSubject = "slow-" + UUID.randomUUID();
        String slowCaller = TestTokens.bearerFor(slowSubject, Roles.SALES);
        String clerkToken = TestTokens.bearerFor("clerk-" + UUID.randomUUID(), Roles.SALES);
        // Above the buffered size: streamed to sales as it comes, holding a connection each.
        int large = StubServicesResource.BUFFERED_BODY * 4;
        int held = StubServicesResource.IN_FLIGHT_PER_CALLER;

        List<CompletableFuture<String>> firstWave = new ArrayList<>();
        for (int i = 0; i < held + 2; i++) {
            firstWave.add(startSlowUpload(slowCaller, large));
        }
        List<Integer> served = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            served.add(clerkPost(clerkToken, "Gadget " + i));
        }
        Map<String, Long> firstAnswers = statusCounts(firstWave);
        // Right after, with no success in between: as many broken-off uploads in a row as would open the breaker, were
        // they counted as the service's failures.
        List<CompletableFuture<String>> secondWave = new ArrayList<>();
        for (int i = 0; i < held; i++) {
            secondWave.add(startSlowUpload(slowCaller, large));
        }
        Map<String, Long> secondAnswers = statusCounts(secondWave);

        assertThat(served).as("the other caller's POSTs meanwhile").containsOnly(200);
        assertThat(firstAnswers).as("first wave").containsOnlyKeys("408", "429");
        assertThat(firstAnswers.get("408")).as("first wave timed out").isGreaterThanOrEqualTo(held);
        assertThat(secondAnswers).isEqualTo(Map.of("408", (long) held));
        assertThat(held * 2)
                .as("uploads broken off in a row")
                .isGreaterThanOrEqualTo(StubServicesResource.FAILURE_THRESHOLD);
        assertThat(routes.breakerState(Downstream.SALES)).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(clerkPost(clerkToken, "After")).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(inFlight.underWay(slowSubject))
                        .as("requests of the slow caller still counted")
                        .isZero());
    }

    @Test
    void a_streamed_upload_above_the_minimum_rate_still_arriving_at_the_request_timeout_gets_408_not_504()
            throws Exception {
        String caller = TestTokens.bearerFor("steady-" + UUID.randomUUID(), Roles.SALES);
        int large = StubServicesResource.BUFFERED_BODY * 16;
        // Five times the minimum rate (a wide margin for a busy machine): not refused for slowness, but far from done
        // when the request timeout strikes, while sales (rightly) waits for the rest of the body before it answers.
        int bytesPer100Millis = StubServicesResource.MIN_UPLOAD_RATE * 5 / 10;
        long started = System.nanoTime();

        String head = startUpload(caller, large, bytesPer100Millis, 100).get(15, TimeUnit.SECONDS);

        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(head).startsWith("HTTP/1.1 408").containsIgnoringCase("Content-Type: application/problem+json");
        assertThat(millis)
                .as("answered after the request timeout")
                .isGreaterThanOrEqualTo(StubServicesResource.REQUEST_TIMEOUT_MILLIS);
        assertThat(routes.breakerState(Downstream.SALES)).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    /**
     * Sends the head of a POST with a body of {@code length} bytes, then one byte a second; completes with the answer's
     * head.
     */
    private CompletableFuture<String> startSlowUpload(String token, int length) throws IOException {
        return startUpload(token, length, 1, 1_000);
    }

    /** Sends {@code bytes} of the body every {@code periodMillis}. */
    private CompletableFuture<String> startUpload(String token, int length, int bytes, long periodMillis)
            throws IOException {
        SlowUpload upload = new SlowUpload(token, length);
        uploads.add(upload);
        trickle.scheduleAtFixedRate(() -> upload.send(bytes), 0, periodMillis, TimeUnit.MILLISECONDS);
        return CompletableFuture.supplyAsync(upload::readHead, readers);
    }

    private static Map<String, Long> statusCounts(List<CompletableFuture<String>> heads) throws Exception {
        CompletableFuture.allOf(heads.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
        return heads.stream()
                .map(CompletableFuture::join)
                .map(head -> head.length() >= 12 ? head.substring(9, 12) : head)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private int clerkPost(String token, String name) throws Exception {
        return clerk.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + PRODUCTS))
                                .header("Authorization", token)
                                .header("Content-Type", "application/json")
                                .timeout(Duration.ofSeconds(5))
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"name\":\"" + name + "\",\"unitPrice\":\"9.90\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /** A caller on a plain socket that announces a body and then sends it a byte at a time. */
    private static final class SlowUpload {

        private final Socket socket;
        private final OutputStream out;
        private int left;

        SlowUpload(String token, int length) throws IOException {
            socket = new Socket("localhost", RestAssured.port);
            socket.setSoTimeout(15_000);
            out = socket.getOutputStream();
            left = length;
            out.write(("POST " + PRODUCTS + " HTTP/1.1\r\n"
                            + "Host: localhost\r\n"
                            + "Authorization: " + token + "\r\n"
                            + "Content-Type: application/json\r\n"
                            + "Content-Length: " + length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        synchronized void send(int bytes) {
            if (left == 0 || socket.isClosed()) {
                return;
            }
            try {
                int now = Math.min(bytes, left);
                out.write(" ".repeat(now).getBytes(StandardCharsets.US_ASCII));
                out.flush();
                left -= now;
            } catch (IOException e) {
                // The gateway has answered and closed: nothing more to send.
                left = 0;
            }
        }

        /** Status line and headers of the answer. */
        String readHead() {
            try {
                InputStream in = socket.getInputStream();
                ByteArrayOutputStream head = new ByteArrayOutputStream();
                int matched = 0;
                byte[] end = {'\r', '\n', '\r', '\n'};
                while (matched < end.length) {
                    int b = in.read();
                    if (b == -1) {
                        break;
                    }
                    head.write(b);
                    matched = b == end[matched] ? matched + 1 : b == '\r' ? 1 : 0;
                }
                return head.toString(StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // Closing at the end of the test.
            }
        }
    }
}
