package io.kontor.gateway;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Stands in for one Kontor service: a real HTTP server on a free port that records every request it gets. By default it
 * answers 200, echoing a request body (same content type) or describing the request as JSON; a test can give it another
 * answer for a while ({@link #answer}).
 */
public final class StubService {

    /** What arrived at the service, as the service saw it. */
    public record Received(String method, String uri, MultiMap headers, Buffer body) {}

    public static final String SERVED_BY = "X-Served-By";

    private final Vertx vertx;
    private final String domain;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Handler<HttpServerRequest> answer;
    private volatile HttpServer server;
    private volatile int port;
    private volatile boolean customOptions;

    StubService(Vertx vertx, String domain) {
        this.vertx = vertx;
        this.domain = domain;
    }

    public String domain() {
        return domain;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public Received lastReceived() {
        if (received.isEmpty()) {
            throw new AssertionError(domain + " stub received nothing");
        }
        return received.get(received.size() - 1);
    }

    /** Answers the next requests with {@code handler} instead of the echo, until {@link #reset()}. */
    public void answer(Handler<HttpServerRequest> handler) {
        this.answer = handler;
    }

    public void reset() {
        received.clear();
        answer = null;
        if (server != null && customOptions) {
            restart(new HttpServerOptions());
        }
    }

    /** Stops listening: the port refuses connections, as a service that is down. */
    public void stop() {
        await(server.close());
        server = null;
    }

    /** Listens again on the same port. */
    public void start() {
        start(new HttpServerOptions());
    }

    /**
     * Listens again on the same port with these server settings (an idle timeout, as a real service has), until the
     * next {@link #restart(HttpServerOptions)} or {@link StubServices#reset()}.
     */
    public void start(HttpServerOptions options) {
        if (server == null) {
            customOptions = !options.toJson().equals(new HttpServerOptions().toJson());
            server = listen(options);
            port = server.actualPort();
        }
    }

    /** Stops and starts again on the same port, closing every open connection, as a redeployed service does. */
    public void restart(HttpServerOptions options) {
        stop();
        start(options);
    }

    private HttpServer listen(HttpServerOptions options) {
        // Right after a close the port may not be free again yet.
        for (int attempt = 1; ; attempt++) {
            try {
                return await(vertx.createHttpServer(options)
                        .requestHandler(this::handle)
                        .listen(port, "127.0.0.1"));
            } catch (IllegalStateException e) {
                if (attempt == 40
                        || !(e.getCause() != null
                                && String.valueOf(e.getCause()).contains("BindException"))) {
                    throw e;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    public void record(HttpServerRequest request, Buffer body) {
        received.add(new Received(
                request.method().name(),
                request.uri(),
                MultiMap.caseInsensitiveMultiMap().addAll(request.headers()),
                body));
    }

    private void handle(HttpServerRequest request) {
        Handler<HttpServerRequest> custom = answer;
        if (custom != null) {
            custom.handle(request);
            return;
        }
        request.body().onSuccess(body -> {
            record(request, body);
            request.response().putHeader(SERVED_BY, domain);
            if (body.length() > 0) {
                String contentType = request.getHeader("Content-Type");
                request.response()
                        .putHeader("Content-Type", contentType == null ? "application/octet-stream" : contentType);
                echoInPieces(request, body);
            } else {
                request.response()
                        .putHeader("Content-Type", "application/json")
                        .end(new JsonObject()
                                .put("service", domain)
                                .put("method", request.method().name())
                                .put("uri", request.uri())
                                .encode());
            }
        });
    }

    /** Chunked, without a Content-Length, as a service streaming a document would answer. */
    private static void echoInPieces(HttpServerRequest request, Buffer body) {
        int piece = 64 * 1024;
        request.response().setChunked(true);
        for (int start = 0; start < body.length(); start += piece) {
            request.response().write(body.getBuffer(start, Math.min(body.length(), start + piece)));
        }
        request.response().end();
    }

    private static <T> T await(io.vertx.core.Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
