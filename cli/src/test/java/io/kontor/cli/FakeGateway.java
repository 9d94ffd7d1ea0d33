package io.kontor.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server on a free port that answers like the gateway: bearer token required (401 problem otherwise), the
 * answers a test sets per method and path, and a 404 problem for every other path. It records each request. (Until the
 * system tests run the CLI against the whole platform, this is the gateway the CLI tests talk to.)
 */
final class FakeGateway implements AutoCloseable {

    static final String TOKEN = "test-token";
    static final String PROBLEM_JSON = "application/problem+json";

    record Request(
            String method,
            String path,
            String query,
            String contentType,
            String accept,
            String authorization,
            byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    record Answer(int status, Map<String, String> headers, byte[] body) {}

    final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, String> liveStreams = new ConcurrentHashMap<>();
    private final HttpServer server;
    private volatile Answer anyOtherPath;

    private FakeGateway() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    static FakeGateway start() throws IOException {
        return new FakeGateway();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** {@code path} as the public API names it, without {@code /api/v1}; with {@code ?query} for that query only. */
    FakeGateway answer(String method, String path, int status, String contentType, String body) {
        return answer(method, path, status, Map.of("Content-Type", contentType), body.getBytes(StandardCharsets.UTF_8));
    }

    FakeGateway answer(String method, String path, int status, Map<String, String> headers, byte[] body) {
        answers.put(method + " /api/v1" + path, new Answer(status, headers, body));
        return this;
    }

    FakeGateway json(String method, String path, String body) {
        return answer(
                method,
                path,
                method.equals("POST") && !path.matches(".*/(send|accept|reject|sign|advance)$") ? 201 : 200,
                "application/json",
                body);
    }

    /**
     * Answers GET {@code path} with a text/event-stream that starts with {@code events} and then stays open, sending a
     * keep-alive comment every 100 ms until the client goes away: a live stream that never ends by itself.
     */
    FakeGateway liveStream(String path, String events) {
        liveStreams.put("GET /api/v1" + path, events);
        return this;
    }

    /** Answers every path without an answer of its own with this JSON (instead of 404). */
    FakeGateway answerAnyPathWith(String json) {
        anyOtherPath =
                new Answer(200, Map.of("Content-Type", "application/json"), json.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    Request last() {
        return requests.get(requests.size() - 1);
    }

    private void handle(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        byte[] body = exchange.getRequestBody().readAllBytes();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        requests.add(new Request(
                exchange.getRequestMethod(),
                uri.getPath(),
                uri.getRawQuery(),
                exchange.getRequestHeaders().getFirst("Content-Type"),
                exchange.getRequestHeaders().getFirst("Accept"),
                authorization,
                body));
        String live = liveStreams.get(exchange.getRequestMethod() + " " + uri.getPath());
        if (live != null && ("Bearer " + TOKEN).equals(authorization)) {
            keepOpen(exchange, live);
            return;
        }
        Answer answer;
        if (!("Bearer " + TOKEN).equals(authorization)) {
            answer = problem(401, "Unauthorized", "a valid bearer token is required");
        } else {
            String route = exchange.getRequestMethod() + " " + uri.getPath();
            // An answer for path and query wins over one for the path alone.
            answer = answers.getOrDefault(
                    route + "?" + uri.getRawQuery(),
                    answers.getOrDefault(
                            route,
                            anyOtherPath != null
                                    ? anyOtherPath
                                    : problem(404, "Not Found", "no route for " + uri.getPath())));
        }
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.getResponseHeaders().add("X-Correlation-Id", "c0ffee");
        exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer.body());
        }
    }

    private static void keepOpen(HttpExchange exchange, String events) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(events.getBytes(StandardCharsets.UTF_8));
            out.flush();
            while (true) {
                Thread.sleep(100);
                out.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // The client went away: the stream ends here.
        }
    }

    static Answer problem(int status, String title, String detail) {
        String json = "{\"type\":\"urn:kontor:problem:" + title.toLowerCase().replace(' ', '-') + "\",\"title\":\""
                + title + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\",\"correlationId\":\"c0ffee\"}";
        return new Answer(status, Map.of("Content-Type", PROBLEM_JSON), json.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
