package io.kontor.platform.security;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Decorates smallrye-jwt's parser, which Quarkus' bearer-token mechanism calls for every request, with a cache of the
 * tokens it verified, each until its expiry ({@link VerifiedTokens}). A gateway request is verified twice (gateway and
 * service) and a caller sends the same token for minutes: without the cache each request pays two RSA signature checks
 * and a JSON parse. Only {@code parse(String)}, the mechanism's call, is cached; the other methods go straight through.
 * The token's wall-clock expiry is what smallrye-jwt checks, so the cache uses the system clock, not the business one.
 */
@Decorator
@Priority(10)
public abstract class CachingJwtParser implements JWTParser {

    /** Tokens kept at most; a token is about a kilobyte, so this is a few megabytes at worst. */
    static final int MAX_ENTRIES = 2_000;

    /** Bounds the life of a token with a far expiry (or none); short-lived tokens go at their own exp. */
    static final Duration MAX_AGE = Duration.ofMinutes(10);

    @Inject
    @Delegate
    JWTParser delegate;

    private final VerifiedTokens verified = new VerifiedTokens(Clock.systemUTC(), MAX_ENTRIES, MAX_AGE);

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = verified.get(token);
        if (known != null) {
            return known;
        }
        JsonWebToken parsed = delegate.parse(token);
        verified.put(token, parsed);
        return parsed;
    }
}
