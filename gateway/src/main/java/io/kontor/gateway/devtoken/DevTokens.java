package io.kontor.gateway.devtoken;

import io.kontor.gateway.web.HttpProblems;
import io.kontor.platform.problem.Problem;
import io.kontor.platform.security.Roles;
import io.quarkus.runtime.configuration.ConfigUtils;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * {@code POST /api/v1/dev/tokens {"roles": ["admin"], "subject": "dev"}}: a token signed with the development key, for
 * the launcher and the CLI on a developer's machine. The route exists only in the {@code dev} and {@code local}
 * profiles and only when switched on there; in any other profile (production above all) it is never registered, even if
 * someone sets the switch - the development key is public, a route minting with it would hand out admin rights.
 */
@ApplicationScoped
public class DevTokens {

    public static final String PATH = "/api/v1/dev/tokens";
    private static final Set<String> PROFILES_THAT_MAY = Set.of("dev", "local");
    private static final Logger LOG = Logger.getLogger(DevTokens.class);

    private final DevTokensConfig config;
    private final HttpProblems problems;
    private final Clock clock;
    // Optional: outside dev and local there may be none, and IdentityProviderCheck is the one to say so.
    private final Optional<String> issuer;
    private final String audience;

    DevTokens(
            DevTokensConfig config,
            HttpProblems problems,
            Clock clock,
            @ConfigProperty(name = "mp.jwt.verify.issuer") Optional<String> issuer,
            @ConfigProperty(name = "mp.jwt.verify.audiences") String audience) {
        this.config = config;
        this.problems = problems;
        this.clock = clock;
        this.issuer = issuer;
        this.audience = audience.split(",")[0].trim();
    }

    void register(@Observes Router router) {
        if (!config.enabled()) {
            return;
        }
        List<String> profiles = ConfigUtils.getProfiles();
        if (profiles.stream().noneMatch(PROFILES_THAT_MAY::contains)) {
            LOG.errorf(
                    "kontor.gateway.dev-tokens.enabled is ignored in profile %s: development tokens only in %s",
                    profiles, PROFILES_THAT_MAY);
            return;
        }
        if (config.signingKeyLocation().isEmpty()) {
            throw new IllegalStateException("kontor.gateway.dev-tokens.signing-key-location is missing: "
                    + "development tokens are switched on but there is no key to sign them");
        }
        router.post(PATH)
                .order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT)
                .handler(BodyHandler.create().setBodyLimit(4096))
                .handler(this::mint);
        LOG.warnf("%s mints development tokens (profile %s): never expose this gateway", PATH, profiles);
    }

    private void mint(RoutingContext routing) {
        JsonObject request;
        try {
            request = routing.body().asJsonObject();
        } catch (DecodeException | ClassCastException e) {
            invalid(routing, "body", "must be a JSON object {\"roles\": [...], \"subject\": \"...\"}");
            return;
        }
        Object roleValue = request == null ? null : request.getValue("roles");
        if (!(roleValue instanceof JsonArray roleArray) || roleArray.isEmpty()) {
            invalid(routing, "roles", "must name at least one of " + String.join(", ", Roles.ALL));
            return;
        }
        Set<String> roles = new LinkedHashSet<>();
        for (Object role : roleArray) {
            if (!(role instanceof String name) || !List.of(Roles.ALL).contains(name)) {
                invalid(routing, "roles", "'" + role + "' is not one of " + String.join(", ", Roles.ALL));
                return;
            }
            roles.add(name);
        }
        Object subjectValue = request.getValue("subject", "developer");
        if (!(subjectValue instanceof String subject) || subject.isBlank() || subject.length() > 100) {
            invalid(routing, "subject", "must be a name of 1 to 100 characters");
            return;
        }
        Instant now = clock.instant();
        Instant expiresAt = now.plus(config.lifetime());
        String token = Jwt.issuer(issuer.orElseThrow())
                .audience(audience)
                .subject(subject)
                .upn(subject)
                .groups(roles)
                .issuedAt(now)
                .expiresAt(expiresAt)
                .claim("jti", UUID.randomUUID().toString())
                .jws()
                .algorithm(SignatureAlgorithm.RS256)
                .sign(config.signingKeyLocation().get());
        routing.response()
                .setStatusCode(200)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(new JsonObject()
                        .put("token", token)
                        .put("subject", subject)
                        .put("roles", new JsonArray(List.copyOf(roles)))
                        .put("expiresAt", expiresAt.toString())
                        .encode());
    }

    private void invalid(RoutingContext routing, String field, String message) {
        problems.send(
                routing,
                400,
                "validation-failed",
                "Invalid request",
                field + ": " + message,
                List.of(new Problem.Violation(field, message)));
    }
}
