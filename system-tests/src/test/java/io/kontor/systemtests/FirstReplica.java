package io.kontor.systemtests;

import io.kontor.local.LocalPlatform;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The README's first call, timed: register a customer in sales, read it from accounting until it is there. */
final class FirstReplica {

    // Far above the goal (under 1 s) and far below what a consumer group still joining cost before (about 25 s).
    private static final Duration GIVE_UP = Duration.ofSeconds(20);
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    private FirstReplica() {}

    static Duration measure(LocalPlatform platform) {
        HttpClient http = HttpClient.newHttpClient();
        long started = System.nanoTime();
        try {
            HttpResponse<String> created = http.send(
                    request(platform, "/api/v1/sales/customers")
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("""
                                    {"name":"Erster Kunde GmbH","type":"BUSINESS","email":"buchhaltung@erster-kunde.de",
                                     "billingAddress":{"street":"Hauptstr. 1","postalCode":"10115","city":"Berlin",
                                     "country":"DE"}}"""))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher id = ID.matcher(created.body());
            if (created.statusCode() != 201 || !id.find()) {
                throw new IllegalStateException(
                        "registering the first customer answered " + created.statusCode() + ": " + created.body());
            }
            HttpRequest replica = request(platform, "/api/v1/accounting/customers/" + id.group(1))
                    .GET()
                    .build();
            while (http.send(replica, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                if (System.nanoTime() - started > GIVE_UP.toNanos()) {
                    return GIVE_UP;
                }
                Thread.sleep(10);
            }
            return Duration.ofNanos(System.nanoTime() - started);
        } catch (IOException e) {
            throw new IllegalStateException("the first call failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest.Builder request(LocalPlatform platform, String path) {
        return HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path))
                .header("Authorization", "Bearer " + platform.adminToken());
    }
}
