package io.kontor.gateway.security;

import io.kontor.gateway.web.HttpProblems;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * 401 and 403 raised on the HTTP layer (the permissions in application.properties are checked there, before any route)
 * as problem details; Quarkus' default would be an empty body. The platform's JAX-RS mappers never see these.
 */
@ApplicationScoped
public class SecurityFailures {

    private final HttpProblems problems;

    SecurityFailures(HttpProblems problems) {
        this.problems = problems;
    }

    void register(@Observes Router router) {
        router.route().failureHandler(this::handle);
    }

    private void handle(RoutingContext routing) {
        Throwable failure = routing.failure();
        if (failure instanceof ForbiddenException) {
            problems.forbidden(routing);
        } else if (failure instanceof UnauthorizedException || failure instanceof AuthenticationFailedException) {
            problems.unauthorized(routing);
        } else {
            routing.next();
        }
    }
}
