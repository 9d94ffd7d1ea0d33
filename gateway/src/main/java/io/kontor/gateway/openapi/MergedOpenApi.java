package io.kontor.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kontor.gateway.routing.Downstream;
import io.kontor.gateway.routing.GatewayRoutes;
import io.kontor.gateway.routing.ServiceAnswer;
import io.kontor.gateway.web.HttpProblems;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * {@code /q/openapi}: the whole public API in one document - the services' documents (fetched from their
 * {@code /q/openapi} when first asked for, then kept for {@code kontor.gateway.openapi.keep-for}) merged with the
 * gateway's own. Quarkus' document of the gateway alone moves to {@code /q/openapi-gateway}
 * ({@code quarkus.smallrye-openapi.path}); it is one of the parts. Fetched on demand rather than at startup: in a
 * cluster the services may start after the gateway, and a document from a moment ago is as good as a fresh one. A
 * document with a service missing is served (naming it in {@code x-kontor-unavailable}) and kept only for
 * {@code keep-incomplete-for}, so that a service being down does not make every request for the document wait for it.
 */
@ApplicationScoped
public class MergedOpenApi {

    public static final String PATH = "/q/openapi";
    private static final Logger LOG = Logger.getLogger(MergedOpenApi.class);

    private final GatewayRoutes services;
    private final ObjectMapper json;
    private final HttpProblems problems;
    private final Clock clock;
    private final String ownPath;
    private final Duration keepFor;
    private final Duration keepIncompleteFor;
    private HttpClient loopback;
    private volatile Kept kept;

    private record Kept(Buffer document, Instant until) {}

    MergedOpenApi(
            GatewayRoutes services,
            ObjectMapper json,
            HttpProblems problems,
            Clock clock,
            @ConfigProperty(name = "quarkus.smallrye-openapi.path") String ownPath,
            OpenApiConfig config) {
        this.services = services;
        this.json = json;
        this.problems = problems;
        this.clock = clock;
        this.ownPath = ownPath;
        this.keepFor = config.keepFor();
        this.keepIncompleteFor = config.keepIncompleteFor();
    }

    /** Drops the kept document, so that the next request composes a new one (tests). */
    void forget() {
        kept = null;
    }

    void register(@Observes Router router, Vertx vertx) {
        loopback = vertx.createHttpClient(new HttpClientOptions().setName("gateway-openapi-loopback"));
        router.get(PATH).handler(this::serve);
    }

    @PreDestroy
    void close() {
        if (loopback != null) {
            loopback.close();
        }
    }

    private void serve(RoutingContext routing) {
        Kept current = kept;
        if (current != null && clock.instant().isBefore(current.until())) {
            send(routing, current.document());
            return;
        }
        int ownPort = routing.request().localAddress().port();
        // In production the gateway's own document needs a token like the merged one (#24): the caller's goes along.
        String authorization = routing.request().getHeader(HttpHeaders.AUTHORIZATION);
        Future<JsonNode> own = loopback.request(HttpMethod.GET, ownPort, "127.0.0.1", ownPath + "?format=json")
                .compose(request -> {
                    request.putHeader(HttpHeaders.ACCEPT, "application/json");
                    if (authorization != null) {
                        request.putHeader(HttpHeaders.AUTHORIZATION, authorization);
                    }
                    return request.send();
                })
                .compose(response -> response.body())
                .map(this::parse);
        List<Future<JsonNode>> parts = new ArrayList<>();
        for (Downstream downstream : Downstream.values()) {
            parts.add(services.get(downstream, "/q/openapi?format=json", null, null)
                    .map(answer -> document(downstream, answer)));
        }
        List<Future<?>> all = new ArrayList<>(parts);
        all.add(own);
        Future.join(all).onComplete(ignored -> {
            if (own.failed()) {
                LOG.errorf("the gateway's own OpenAPI document at %s is not available: %s", ownPath, own.cause());
                problems.send(
                        routing,
                        503,
                        "service-unavailable",
                        "Service unavailable",
                        "the API document cannot be composed right now");
                return;
            }
            OpenApiMerge merge = new OpenApiMerge(json, own.result());
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < parts.size(); i++) {
                Downstream downstream = Downstream.values()[i];
                Future<JsonNode> part = parts.get(i);
                try {
                    if (part.failed()) {
                        throw part.cause() instanceof RuntimeException runtime
                                ? runtime
                                : new IllegalStateException(part.cause());
                    }
                    merge.add(downstream.domain(), part.result());
                } catch (RuntimeException e) {
                    LOG.warnf("OpenAPI document of %s not available: %s", downstream.serviceName(), e.toString());
                    missing.add(downstream.serviceName());
                }
            }
            Buffer document = Buffer.buffer(merge.missing(missing).document().toString());
            kept = new Kept(document, clock.instant().plus(missing.isEmpty() ? keepFor : keepIncompleteFor));
            send(routing, document);
        });
    }

    private JsonNode document(Downstream downstream, ServiceAnswer answer) {
        if (answer.status() != 200) {
            throw new IllegalStateException(downstream.serviceName() + " answered " + answer.status());
        }
        return parse(answer.body());
    }

    private JsonNode parse(Buffer body) {
        try {
            return json.readTree(body.getBytes());
        } catch (IOException e) {
            throw new IllegalStateException("not a JSON document", e);
        }
    }

    private static void send(RoutingContext routing, Buffer document) {
        routing.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json;charset=UTF-8")
                .end(document);
    }
}
