package io.kontor.gateway.limits;

import io.kontor.gateway.web.HttpProblems;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
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

    /**
     * How long the rest of a refused body is read and dropped before the connection closes. Long enough for a client on
     * a normal link to finish writing a body near the limit; short, so that a refused upload costs little.
     */
    static final long LINGER_MILLIS = 2_000;

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
            routing.response().putHeader(HttpHeaders.CONNECTION, "close");
            routing.addEndHandler(ended -> lingerThenClose(routing));
            answerTooLarge(routing, problems, maxBytes);
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
        answerTooLarge(routing, problems, maxBytes);
    }

    /**
     * A lingering close (RFC 9112 section 9.6): a client that writes its whole body before it reads the answer (Apache
     * HttpClient, RestAssured) got its connection reset, and no 413, when the gateway closed right after answering
     * while the body was still arriving. The rest of the body is read and dropped for at most {@link #LINGER_MILLIS},
     * then the connection closes.
     */
    private static void lingerThenClose(RoutingContext routing) {
        HttpServerRequest request = routing.request();
        HttpConnection connection = request.connection();
        if (request.isEnded()) {
            connection.close();
            return;
        }
        long timer = routing.vertx().setTimer(LINGER_MILLIS, fired -> connection.close());
        try {
            request.handler(dropped -> {})
                    .endHandler(end -> {
                        routing.vertx().cancelTimer(timer);
                        connection.close();
                    })
                    .resume();
        } catch (IllegalStateException endedMeanwhile) {
            routing.vertx().cancelTimer(timer);
            connection.close();
        }
    }

    private static void answerTooLarge(RoutingContext routing, HttpProblems problems, long maxBytes) {
        problems.send(
                routing,
                413,
                "payload-too-large",
                "Request body too large",
                "the request body is larger than the " + maxBytes + " bytes the API accepts");
    }
}
