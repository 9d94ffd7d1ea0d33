package io.kontor.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Kontor's REST API as the harness calls it: one base URL (the gateway or a service) and one bearer token. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final String baseUrl;
    private final String token;

    Api(HttpClient http, String baseUrl, String token) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.token = token;
    }

    static HttpClient newHttpClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    String baseUrl() {
        return baseUrl;
    }

    CompletableFuture<HttpResponse<String>> getAsync(String path) {
        return http.sendAsync(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    CompletableFuture<HttpResponse<String>> postAsync(String path, String json) {
        HttpRequest.BodyPublisher body =
                json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json);
        return http.sendAsync(
                request(path)
                        .header("Content-Type", "application/json")
                        .POST(body)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A GET that must answer {@code expectedStatus}; the body as JSON. */
    JsonNode get(String path, int expectedStatus) {
        return checked("GET " + path, getAsync(path).join(), expectedStatus);
    }

    JsonNode post(String path, String json, int expectedStatus) {
        return checked("POST " + path, postAsync(path, json).join(), expectedStatus);
    }

    int status(String path) {
        return getAsync(path).join().statusCode();
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(REQUEST_TIMEOUT);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private static JsonNode checked(String what, HttpResponse<String> answer, int expectedStatus) {
        if (answer.statusCode() != expectedStatus) {
            throw new IllegalStateException(
                    what + " answered " + answer.statusCode() + " instead of " + expectedStatus + ": " + answer.body());
        }
        try {
            return answer.body().isEmpty() ? JSON.nullNode() : JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(what + " answered no JSON", e);
        }
    }

    static String customerJson(String name) {
        return """
                {"name": "%s", "type": "BUSINESS", "email": "einkauf@bench.example", "paymentTermDays": 14,
                 "billingAddress": {"street": "Speicherstadt 1", "postalCode": "20457", "city": "Hamburg", "country": "DE"}}
                """.formatted(name);
    }
}
