package io.kontor.gateway.limits;

import io.kontor.gateway.web.HttpProblems;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses a request body larger than {@code kontor.gateway.limits.max-request-body} with 413 problem details, and a
 * path and query longer than {@code kontor.gateway.limits.max-uri-length} with 414 problem details, before the token is
 * checked and long before anything reaches a service. A body announced by Content-Length is judged here; a chunked one,
 * whose size nobody knows in advance, is counted while it streams ({@link #limitOf}).
 */
@ApplicationScoped
public class RequestSizeLimit {

    /** Key of the limit on the routing context, for the proxy that counts a chunked body. */
    public static final String LIMIT_KEY = "kontor.max-request-body";

    private final long maxBytes;
    private final int maxUriLength;
    private final HttpProblems problems;

    RequestSizeLimit(LimitsConfig config, HttpProblems problems) {
        this.maxBytes = config.maxRequestBody().asLongValue();
        this.maxUriLength = config.maxUriLength();
        this.problems = problems;
    }

    /**
     * A filter, not a route: it must come before Quarkus' own size check (quarkus.http.limits.max-body-size), which
     * answers with an empty body. Priority below the correlation id's, so the problem carries one.
     */
    void register(@Observes Filters filters) {
        filters.register(this::check, 900);
    }

    private void check(RoutingContext routing) {
        if (routing.request().uri().length() > maxUriLength) {
            problems.send(
                    routing,
                    414,
                    "uri-too-long",
                    "URI too long",
                    "the path and query are longer than the " + maxUriLength + " characters the API accepts");
            return;
        }
        String length = routing.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long declared;
        try {
            declared = length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            declared = Long.MAX_VALUE;
        }
        if (declared > maxBytes) {
            tooLarge(routing, problems, maxBytes);
            return;
        }
        routing.put(LIMIT_KEY, maxBytes);
        routing.next();
    }

    /** The limit for the body of this request, or -1 when none applies. */
    public static long limitOf(RoutingContext routing) {
        Long limit = routing.get(LIMIT_KEY);
        return limit == null ? -1 : limit;
    }

    /** Answers 413 and closes the connection afterwards: the rest of the body is not worth reading. */
    public static void tooLarge(RoutingContext routing, HttpProblems problems, long maxBytes) {
        routing.response().putHeader(HttpHeaders.CONNECTION, "close");
        // Not response().endHandler: that would replace the router's, and with it every addEndHandler (the in-flight
        // count of the caller would never go down).
        routing.addEndHandler(ended -> routing.request().connection().close());
        problems.send(
                routing,
                413,
                "payload-too-large",
                "Request body too large",
                "the request body is larger than the " + maxBytes + " bytes the API accepts");
    }
}
