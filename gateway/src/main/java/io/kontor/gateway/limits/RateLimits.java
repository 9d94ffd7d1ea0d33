package io.kontor.gateway.limits;

import io.kontor.gateway.web.HttpProblems;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Rate limit per client under /api: the client is the token's subject (a web shop's service account, a clerk), so one
 * busy front office cannot starve the others, wherever its requests come from. Runs after the token check - an
 * anonymous request is refused anyway - and before the request is forwarded or answered by the gateway itself. A
 * refused request gets 429 problem details with Retry-After (RFC 6585, section 4).
 */
@ApplicationScoped
public class RateLimits {

    private final LimitsConfig config;
    private final HttpProblems problems;
    private final RateLimiter limiter;

    RateLimits(LimitsConfig config, HttpProblems problems, Clock clock) {
        this.config = config;
        this.problems = problems;
        LimitsConfig.RateLimit rate = config.rateLimit();
        this.limiter = new RateLimiter(clock, rate.burst(), rate.perSecond());
    }

    void register(@Observes Router router, Vertx vertx) {
        if (!config.rateLimit().enabled()) {
            return;
        }
        // Before the service routes (ROUTE_ORDER_BEFORE_DEFAULT) and the gateway's own REST endpoints.
        router.route("/api/*")
                .order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT - 10)
                .handler(this::check);
        vertx.setPeriodic(config.rateLimit().forgetIdleEvery().toMillis(), ignored -> limiter.forgetIdle());
    }

    private void check(RoutingContext routing) {
        String client = clientOf(routing);
        if (client == null) {
            routing.next();
            return;
        }
        RateLimiter.Decision decision = limiter.tryAcquire(client);
        if (decision.allowed()) {
            routing.next();
            return;
        }
        long seconds = Math.max(1, (decision.retryAfter().toMillis() + 999) / 1000);
        routing.response().putHeader("Retry-After", Long.toString(seconds));
        problems.send(
                routing,
                429,
                "too-many-requests",
                "Too many requests",
                "more requests than allowed for this client; try again in " + seconds + " s");
    }

    /** The token subject of the request, or null for an anonymous one. */
    static String clientOf(RoutingContext routing) {
        if (!(routing.user() instanceof QuarkusHttpUser user)) {
            return null;
        }
        SecurityIdentity identity = user.getSecurityIdentity();
        if (identity.isAnonymous()) {
            return null;
        }
        return identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null
                ? token.getSubject()
                : identity.getPrincipal().getName();
    }
}
