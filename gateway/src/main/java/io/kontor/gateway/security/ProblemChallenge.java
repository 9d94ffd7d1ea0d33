package io.kontor.gateway.security;

import io.kontor.gateway.web.HttpProblems;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.smallrye.jwt.runtime.auth.JWTAuthMechanism;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.Set;

/**
 * The MicroProfile JWT mechanism, but its 401 carries problem details. Quarkus answers a request without a token, or
 * with a bad one, by sending the mechanism's challenge, which by default is an empty body; no failure handler sees it.
 * Wrapping the mechanism is Quarkus' documented way to change that ("HttpAuthenticationMechanism customization").
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class ProblemChallenge implements HttpAuthenticationMechanism {

    private final JWTAuthMechanism jwt;
    private final HttpProblems problems;

    ProblemChallenge(JWTAuthMechanism jwt, HttpProblems problems) {
        this.jwt = jwt;
        this.problems = problems;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        return jwt.authenticate(context, identityProviderManager);
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        problems.unauthorized(context);
        return Uni.createFrom().item(Boolean.TRUE);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return jwt.getChallenge(context);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return jwt.getCredentialTypes();
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return jwt.getCredentialTransport(context);
    }

    @Override
    public int getPriority() {
        return jwt.getPriority();
    }
}
