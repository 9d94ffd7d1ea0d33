package io.kontor.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The public API behind the gateway ({@code <url>/api/v1/...}, API.md), with the caller's token. Every answer that is
 * not 2xx becomes a {@link CommandFailure} whose message is the problem detail (RFC 9457) in one line.
 */
public final class Gateway {

    public static final ObjectMapper JSON = new ObjectMapper()
            // Money arrives as decimals: keep them exact for display, never through double.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // 1428.00 stays 1428.00: the cents are part of an amount.
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    private static final String API = "/api/v1";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    // Generous: the gateway itself gives a slow service 60 s for documents before it answers 504.
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(90);
    private static final Pattern FILENAME = Pattern.compile("filename=\"?([^\";]+)\"?");

    private final URI base;
    private final String token;
    private final HttpClient http;

    public Gateway(URI base, String token) {
        this.base = base;
        this.token = token;
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    }

    /** A query string from name/value pairs, leaving out the empty ones: {@code query("q", q, "page", 0)}. */
    public static Map<String, Object> query(Object... namesAndValues) {
        Map<String, Object> query = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            if (value != null && !value.toString().isBlank()) {
                query.put((String) namesAndValues[i], value);
            }
        }
        return query;
    }

    public JsonNode get(String path, Map<String, Object> query) {
        return json(send(request(path, query).GET().header("Accept", "application/json")));
    }

    public JsonNode get(String path) {
        return get(path, Map.of());
    }

    /** POST with a JSON body ({@code null}: none). */
    public JsonNode post(String path, Object body) {
        return json(send(request(path, Map.of())
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .POST(jsonBody(body))));
    }

    public JsonNode put(String path, Object body) {
        return json(send(request(path, Map.of())
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .PUT(jsonBody(body))));
    }

    public JsonNode patch(String path, Object body) {
        return json(send(request(path, Map.of())
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .method("PATCH", jsonBody(body))));
    }

    /** POST of a document the caller supplies (a bank statement), answered with JSON. */
    public JsonNode post(String path, byte[] body, String contentType) {
        return post(path, Map.of(), body, contentType);
    }

    /** POST of a document with query parameters (a supplier's invoice and its file name), answered with JSON. */
    public JsonNode post(String path, Map<String, Object> query, byte[] body, String contentType) {
        return json(send(request(path, query)
                .header("Accept", "application/json")
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))));
    }

    /** A document (PDF, XML, iCalendar, Markdown) as bytes, with the file name the service suggests, if any. */
    public Document document(String path, String accept) {
        return document(path, Map.of(), accept);
    }

    /** A document with query parameters (a report's filters). */
    public Document document(String path, Map<String, Object> query, String accept) {
        HttpResponse<byte[]> response = send(request(path, query).GET().header("Accept", accept));
        Optional<String> name = response.headers()
                .firstValue("Content-Disposition")
                .map(FILENAME::matcher)
                .filter(Matcher::find)
                .map(m -> m.group(1));
        return new Document(
                response.body(), response.headers().firstValue("Content-Type").orElse(accept), name);
    }

    /** A document the service sends (bytes, type) and the file name it proposes. */
    public record Document(byte[] content, String contentType, Optional<String> suggestedName) {}

    /**
     * Follows a server-sent event stream (text/event-stream) and hands each complete event to {@code sink} until the
     * stream ends or the sink answers {@code false}.
     */
    public void stream(String path, Map<String, Object> query, Predicate<ServerSentEvent> sink) {
        stream(path, query, sink, null);
    }

    /**
     * As {@link #stream(String, Map, Predicate)}, but for at most {@code timeout} ({@code null}: no limit); answers
     * whether the time ran out. The time is checked at each line that arrives, keep-alive comments included, so the
     * stream ends at most one keep-alive interval of the gateway (15 s) late.
     */
    public boolean stream(String path, Map<String, Object> query, Predicate<ServerSentEvent> sink, Duration timeout) {
        long deadline = timeout == null ? 0 : System.nanoTime() + timeout.toNanos();
        // Until the answer's headers: the whole time we wait, or (practically) forever.
        HttpRequest request = request(path, query)
                .timeout(timeout != null ? timeout : Duration.ofDays(365))
                .header("Accept", "text/event-stream")
                .GET()
                .build();
        HttpResponse<Stream<String>> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofLines());
        } catch (HttpConnectTimeoutException e) {
            throw unreachable(e);
        } catch (HttpTimeoutException e) {
            return true;
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CommandFailure.unavailable("interrupted", e);
        }
        if (response.statusCode() >= 300) {
            String body = String.join("\n", response.body().toList());
            throw failure(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    body.getBytes(StandardCharsets.UTF_8));
        }
        try (Stream<String> lines = response.body()) {
            ServerSentEvent.Parser parser = new ServerSentEvent.Parser();
            var iterator = lines.iterator();
            while (iterator.hasNext()) {
                Optional<ServerSentEvent> event = parser.line(iterator.next());
                if (event.isPresent() && !sink.test(event.get())) {
                    return false;
                }
                if (timeout != null && System.nanoTime() - deadline >= 0) {
                    return true;
                }
            }
        } catch (java.io.UncheckedIOException e) {
            throw CommandFailure.unavailable(
                    "the event stream broke off: " + e.getCause().getMessage(), e);
        }
        return false;
    }

    private HttpRequest.Builder request(String path, Map<String, Object> query) {
        StringJoiner parameters = new StringJoiner("&", "?", "").setEmptyValue("");
        query.forEach((name, value) -> parameters.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8)));
        String root = base.toString().replaceAll("/+$", "");
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(root + API + path + parameters))
                .timeout(REQUEST_TIMEOUT)
                .header("User-Agent", "kontor-cli");
        if (token != null && !token.isBlank()) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder builder) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CommandFailure.unavailable("interrupted", e);
        }
        int status = response.statusCode();
        if (status >= 300) {
            throw failure(status, response.headers().firstValue("Content-Type").orElse(""), response.body());
        }
        return response;
    }

    private CommandFailure unreachable(IOException e) {
        String why = e instanceof HttpConnectTimeoutException
                ? "no connection within " + CONNECT_TIMEOUT.toSeconds() + " s"
                : e instanceof HttpTimeoutException
                        ? "no answer within " + REQUEST_TIMEOUT.toSeconds() + " s"
                        : e instanceof ConnectException
                                ? "connection refused"
                                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return CommandFailure.unavailable("gateway " + base + " unreachable: " + why, e);
    }

    /**
     * One line from a problem detail: {@code 409 Conflict: customer is on credit hold}; validation problems name each
     * field ({@code 400 Invalid request: email: must be a well-formed email address}).
     */
    static CommandFailure failure(int status, String contentType, byte[] body) {
        JsonNode problem = contentType.contains("json") ? parse(body) : MissingNode.getInstance();
        String title = text(problem, "title").orElse(reason(status));
        StringJoiner detail = new StringJoiner("; ");
        JsonNode violations = problem.path("violations");
        if (violations.isArray() && !violations.isEmpty()) {
            violations.forEach(v -> detail.add(
                    v.path("field").asText("?") + ": " + v.path("message").asText("")));
        } else {
            text(problem, "detail").ifPresent(detail::add);
        }
        StringBuilder line = new StringBuilder().append(status).append(' ').append(title);
        if (detail.length() > 0) {
            line.append(": ").append(detail);
        }
        if (status == 401) {
            line.append(" (run 'kontor login', or 'kontor token --role ...' in development)");
        }
        text(problem, "correlationId")
                .ifPresent(id -> line.append(" [correlation id ").append(id).append(']'));
        return CommandFailure.answered(status, line.toString().replaceAll("\\s*\\R\\s*", " "));
    }

    private static JsonNode json(HttpResponse<byte[]> response) {
        return response.body().length == 0 ? MissingNode.getInstance() : parse(response.body());
    }

    private static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    private static HttpRequest.BodyPublisher jsonBody(Object body) {
        if (body == null) {
            return HttpRequest.BodyPublishers.noBody();
        }
        try {
            return HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.asText().isBlank() ? Optional.of(value.asText()) : Optional.empty();
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 422 -> "Unprocessable Content";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "HTTP error";
        };
    }
}
