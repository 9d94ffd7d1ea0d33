package io.kontor.platform.security;

import io.smallrye.config.FallbackConfigSourceInterceptor;
import io.smallrye.config.Priorities;
import jakarta.annotation.Priority;
import java.util.Map;

/**
 * {@code KONTOR_JWT_ISSUER} and {@code KONTOR_JWT_PUBLIC_KEY_LOCATION} (as {@code kontor.jwt.*}) stand in for
 * MicroProfile JWT's own settings wherever a profile gives none - in every profile but dev, local and test, which name
 * the development key. A fallback rather than {@code mp.jwt.verify.issuer=${KONTOR_JWT_ISSUER:}}: an empty value is a
 * value, and smallrye-jwt fails on it before {@link IdentityProviderCheck} could say which variables are missing.
 * Registered in META-INF/services, as SmallRye Config and Quarkus load interceptors.
 */
@Priority(Priorities.LIBRARY + 300)
public class KontorJwtVariables extends FallbackConfigSourceInterceptor {

    public KontorJwtVariables() {
        super(Map.of(
                "mp.jwt.verify.issuer", "kontor.jwt.issuer",
                "mp.jwt.verify.publickey.location", "kontor.jwt.public-key-location"));
    }
}
