package io.kontor.gateway.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kontor.platform.problem.Problem;
import io.kontor.platform.web.CorrelationId;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Problem details (RFC 9457) written straight onto the HTTP response, for what the gateway answers itself before or
 * instead of a service: no token, wrong role, service down. Same shape as the platform's JAX-RS answers.
 */
@ApplicationScoped
public class HttpProblems {

    private final ObjectMapper json;
    private final MeterRegistry meters;

    HttpProblems(ObjectMapper json, MeterRegistry meters) {
        this.json = json;
        this.meters = meters;
    }

    public void unauthorized(RoutingContext routing) {
        routing.response().putHeader("WWW-Authenticate", "Bearer");
        send(routing, 401, "unauthorized", "Unauthorized", "a valid bearer token is required");
    }

    public void forbidden(RoutingContext routing) {
        send(routing, 403, "forbidden", "Forbidden", "your role does not allow this");
    }

    public void send(RoutingContext routing, int status, String slug, String title, String detail) {
        send(routing, status, slug, title, detail, null);
    }

    /** With the fields that are wrong, as the platform's InvalidFieldProblem answers. */
    public void send(
            RoutingContext routing,
            int status,
            String slug,
            String title,
            String detail,
            List<Problem.Violation> violations) {
        HttpServerResponse response = routing.response();
        if (response.ended()) {
            return;
        }
        if (response.headWritten()) {
            // Part of another answer has gone out already; a problem body would only corrupt it.
            response.reset();
            return;
        }
        if (status == 429 || status == 503) {
            // What the gateway refused itself (rate and in-flight limits, open breakers), apart from the services'.
            meters.counter("kontor.gateway.refused", "status", Integer.toString(status), "reason", slug)
                    .increment();
        }
        String correlationId = routing.get(CorrelationId.MDC_KEY);
        Problem problem = Problem.of(status, slug, title, detail, correlationId, violations);
        response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(encode(problem));
    }

    private String encode(Problem problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
