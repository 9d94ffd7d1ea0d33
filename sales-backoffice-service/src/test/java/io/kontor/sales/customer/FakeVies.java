package io.kontor.sales.customer;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in for the VIES REST API, speaking its JSON: {@code POST /check-vat-number} answers from a table of known
 * ids, or with VIES's error body for the member states marked down. The real service is outside our control.
 */
final class FakeVies implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, String> registered = new ConcurrentHashMap<>();
    private final List<String> down = new ArrayList<>();
    final List<String> requests = new ArrayList<>();

    FakeVies() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/taxation_customs/vies/rest-api/check-vat-number", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            synchronized (requests) {
                requests.add(exchange.getRequestMethod() + " " + body);
            }
            String country = field(body, "countryCode");
            String number = field(body, "vatNumber");
            int status;
            String answer;
            if (!"POST".equals(exchange.getRequestMethod())) {
                status = 405;
                answer = "{}";
            } else if (down.contains(country)) {
                status = 200;
                answer = "{\"actionSucceed\":false,\"errorWrappers\":[{\"error\":\"MS_UNAVAILABLE\","
                        + "\"message\":\"The application at the Member State is not replying\"}]}";
            } else {
                String holder = registered.get(country + number);
                status = 200;
                answer = "{\"countryCode\":\"" + country + "\",\"vatNumber\":\"" + number + "\","
                        + "\"requestDate\":\"2030-06-15T10:00:00.000Z\",\"valid\":" + (holder != null) + ","
                        + "\"requestIdentifier\":\"" + (body.contains("requesterNumber") ? "WAPIAAAAXYZ123" : "")
                        + "\",\"name\":\"" + (holder == null ? "---" : holder) + "\",\"address\":\""
                        + (holder == null ? "---" : "Hauptstraße 1\\n1010 Wien") + "\"}";
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/taxation_customs/vies/rest-api");
    }

    FakeVies register(String vatId, String holder) {
        registered.put(vatId, holder);
        return this;
    }

    FakeVies memberStateDown(String country) {
        down.add(country);
        return this;
    }

    /** The value of a string field in a flat JSON object; enough for the two fields VIES is asked with. */
    private static String field(String json, String name) {
        int key = json.indexOf("\"" + name + "\"");
        if (key < 0) {
            return "";
        }
        int start = json.indexOf('"', json.indexOf(':', key) + 1) + 1;
        return json.substring(start, json.indexOf('"', start));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
