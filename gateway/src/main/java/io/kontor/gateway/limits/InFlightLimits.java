package io.kontor.gateway.limits;

import io.kontor.gateway.web.HttpProblems;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * How many requests one caller (token subject) may have under way at once under /api. The rate limit counts requests as
 * they start; this counts those not yet finished, so that a caller whose requests hang (a trickling upload, a service
 * that is slow for its queries) cannot take every pooled connection to a service and the breaker with it. The next
 * request gets 429 problem details with Retry-After. A caller's count lives only while it has requests under way.
 */
@ApplicationScoped
public class InFlightLimits {

    /** Meant to stay open as long as the caller likes; limited by the stream's own settings. */
    private static final String EVENT_STREAM = "/api/v1/events/";

    private final int perCaller;
    private final HttpProblems problems;
    private final ConcurrentMap<String, Integer> underWay = new ConcurrentHashMap<>();

    InFlightLimits(LimitsConfig config, HttpProblems problems) {
        if (config.inFlightPerCaller() < 1) {
            throw new IllegalStateException(
                    "kontor.gateway.limits.in-flight-per-caller must be at least 1, not " + config.inFlightPerCaller());
        }
        this.perCaller = config.inFlightPerCaller();
        this.problems = problems;
    }

    void register(@Observes Router router) {
        // After the rate limit (which refuses without holding anything), before the service routes and resources.
        router.route("/api/*")
                .order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT - 9)
                .handler(this::check);
    }

    private void check(RoutingContext routing) {
        String caller = RateLimits.clientOf(routing);
        if (caller == null || routing.normalizedPath().startsWith(EVENT_STREAM)) {
            routing.next();
            return;
        }
        if (!tryEnter(caller)) {
            routing.response().putHeader("Retry-After", "1");
            problems.send(
                    routing,
                    429,
                    "too-many-requests",
                    "Too many requests",
                    "more than " + perCaller + " requests of this client under way at once; wait for an answer first");
            return;
        }
        // Also when the caller goes away before the answer: the end handler runs for a closed response too.
        routing.addEndHandler(ended -> leave(caller));
        routing.next();
    }

    boolean tryEnter(String caller) {
        boolean[] entered = {false};
        underWay.compute(caller, (key, count) -> {
            int now = count == null ? 0 : count;
            if (now >= perCaller) {
                return count;
            }
            entered[0] = true;
            return now + 1;
        });
        return entered[0];
    }

    void leave(String caller) {
        underWay.computeIfPresent(caller, (key, count) -> count <= 1 ? null : count - 1);
    }

    /** Requests of {@code caller} under way now. */
    public int underWay(String caller) {
        return underWay.getOrDefault(caller, 0);
    }
}
