package io.kontor.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends many hand-made requests to the gateway at once, byte for byte as given: RestAssured would mend a malformed
 * body's content type or charset, which is exactly what these tests must not have mended. A 429 (the gateway's rate
 * limit) is no verdict on the request: it is sent again after the Retry-After the gateway names.
 */
final class RawGateway implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    // Enough for a problem naming 10,000 wrong array elements; a PDF is cut there.
    private static final int MAX_BODY_READ = 4 * 1024 * 1024;
    private static final int MAX_RATE_LIMIT_RETRIES = 20;
    static final int NO_ANSWER = -1;

    /** A request as sent; {@code contentType} null sends none. */
    record Request(String method, String path, String authorization, String contentType, byte[] body) {}

    /**
     * The answer's status, content type and (start of the) body; status {@value #NO_ANSWER} when the connection ended
     * without one.
     */
    record Answer(int status, String contentType, byte[] body, int rateLimited) {

        boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }

        Optional<JsonNode> json() {
            try {
                return Optional.of(JSON.readTree(body));
            } catch (IOException e) {
                return Optional.empty();
            }
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final String baseUrl;
    private final HttpClient client;
    private final Semaphore inFlight;
    private final AtomicInteger rateLimited = new AtomicInteger();

    RawGateway(String baseUrl, int parallel) {
        this.baseUrl = baseUrl;
        this.inFlight = new Semaphore(parallel);
        // HTTP/1.1: the gateway's limits and errors are what a plain client meets.
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30))
                .build();
    }

    /** Sends all, at most {@code parallel} at a time, and hands each request with its answer to {@code check}. */
    <T> List<T> sendAll(List<Request> requests, java.util.function.BiFunction<Request, Answer, T> check) {
        List<CompletableFuture<T>> futures = new ArrayList<>(requests.size());
        for (Request request : requests) {
            inFlight.acquireUninterruptibly();
            futures.add(send(request, 0)
                    .whenComplete((answer, failure) -> inFlight.release())
                    .thenApply(answer -> check.apply(request, answer)));
        }
        List<T> results = new ArrayList<>(futures.size());
        for (CompletableFuture<T> future : futures) {
            try {
                results.add(future.join());
            } catch (CompletionException e) {
                throw new IllegalStateException("A request failed without an answer: " + e.getCause(), e.getCause());
            }
        }
        return results;
    }

    Answer send(Request request) {
        return send(request, 0).join();
    }

    /**
     * A body larger than the gateway's limit, sent as a careful client does: headers first, then the body in pieces
     * until the answer arrives. The gateway answers 413 on the announced Content-Length and closes the connection; a
     * client that went on uploading could get a reset instead of the answer (java.net.http's does, now and then).
     */
    Answer sendOversized(Request request) {
        URI uri = URI.create(baseUrl + request.path());
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout((int) Duration.ofMinutes(2).toMillis());
            var out = socket.getOutputStream();
            var in = new java.io.BufferedInputStream(socket.getInputStream());
            String head = request.method() + " " + request.path() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":"
                    + uri.getPort()
                    + "\r\nAuthorization: " + request.authorization() + "\r\nContent-Type: " + request.contentType()
                    + "\r\nContent-Length: " + request.body().length + "\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            int sent = 0;
            long waitUntil = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (in.available() == 0 && sent < request.body().length) {
                if (System.nanoTime() < waitUntil) {
                    pause();
                    continue;
                }
                int piece = Math.min(64 * 1024, request.body().length - sent);
                out.write(request.body(), sent, piece);
                sent += piece;
            }
            return readAnswer(in);
        } catch (IOException e) {
            return new Answer(NO_ANSWER, null, e.toString().getBytes(StandardCharsets.UTF_8), 0);
        }
    }

    // Polling for the answer's first bytes, which a socket offers no callback for.
    private static void pause() throws IOException {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static Answer readAnswer(java.io.BufferedInputStream in) throws IOException {
        java.io.BufferedReader lines =
                new java.io.BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.ISO_8859_1));
        String statusLine = lines.readLine();
        if (statusLine == null) {
            throw new IOException("connection closed without an answer");
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        String contentType = null;
        int length = 0;
        for (String line = lines.readLine(); line != null && !line.isEmpty(); line = lines.readLine()) {
            String lower = line.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("content-type:")) {
                contentType = line.substring(13).strip();
            } else if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).strip());
            }
        }
        char[] body = new char[length];
        int read = 0;
        while (read < length) {
            int n = lines.read(body, read, length - read);
            if (n < 0) {
                break;
            }
            read += n;
        }
        return new Answer(status, contentType, new String(body, 0, read).getBytes(StandardCharsets.ISO_8859_1), 0);
    }

    /** How many answers were 429 and sent again. */
    int rateLimited() {
        return rateLimited.get();
    }

    private CompletableFuture<Answer> send(Request request, int attempt) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + request.path()))
                // Generous: the machine is shared, and a body at the size limit takes a while to upload.
                .timeout(Duration.ofMinutes(2));
        if (request.authorization() != null) {
            builder.header("Authorization", request.authorization());
        }
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        builder.method(
                request.method(),
                request.body() == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        return client.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofInputStream())
                .thenCompose(response -> {
                    if (response.statusCode() == 429 && attempt < MAX_RATE_LIMIT_RETRIES) {
                        rateLimited.incrementAndGet();
                        close(response.body());
                        long seconds = response.headers()
                                .firstValueAsLong("Retry-After")
                                .orElse(1);
                        return CompletableFuture.supplyAsync(
                                        () -> null,
                                        CompletableFuture.delayedExecutor(
                                                Math.max(1, seconds), java.util.concurrent.TimeUnit.SECONDS))
                                .thenCompose(ignored -> send(request, attempt + 1));
                    }
                    String contentType =
                            response.headers().firstValue("Content-Type").orElse(null);
                    // A stream (the live events) never ends: its status is the answer. Errors and JSON are read.
                    byte[] body = contentType != null && contentType.startsWith("text/event-stream")
                            ? closed(response.body())
                            : read(response.body());
                    return CompletableFuture.completedFuture(
                            new Answer(response.statusCode(), contentType, body, attempt));
                })
                .exceptionally(failure -> new Answer(
                        NO_ANSWER,
                        null,
                        String.valueOf(failure.getCause() != null ? failure.getCause() : failure)
                                .getBytes(StandardCharsets.UTF_8),
                        attempt));
    }

    private static byte[] read(InputStream body) {
        try (body) {
            return body.readNBytes(MAX_BODY_READ);
        } catch (IOException e) {
            // The gateway may close the connection after refusing an upload it did not read: the status is the answer.
            return new byte[0];
        }
    }

    private static byte[] closed(InputStream body) {
        close(body);
        return new byte[0];
    }

    private static void close(InputStream body) {
        try {
            body.close();
        } catch (IOException ignored) {
            // nothing to keep
        }
    }

    @Override
    public void close() {
        // java.net.http's client has no close before Java 21; its threads end with the test JVM.
    }
}
