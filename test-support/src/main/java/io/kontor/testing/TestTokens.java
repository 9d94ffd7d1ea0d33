package io.kontor.testing;

import io.kontor.devinfra.DevJwt;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * {@code Authorization} header values for REST tests, signed with the development key that the platform trusts in dev
 * and test (see {@link DevJwt}). All return {@code "Bearer <jwt>"}.
 */
public final class TestTokens {

    public static final String SUBJECT = "test-user";
    public static final String FOREIGN_ISSUER = "https://issuer.invalid/not-kontor";

    private static final Duration LIFETIME = Duration.ofHours(1);
    // Well past the clock skew verifiers allow (smallrye-jwt: 60 s).
    private static final Duration EXPIRED_SINCE = Duration.ofMinutes(10);

    private TestTokens() {}

    /** A valid token for {@value #SUBJECT} with the given roles. */
    public static String bearer(String... roles) {
        return "Bearer " + DevJwt.mint(SUBJECT, LIFETIME, roles);
    }

    /** A valid token for another caller, e.g. a second front-office system that must not see the first one's data. */
    public static String bearerFor(String subject, String... roles) {
        return "Bearer " + DevJwt.mint(subject, LIFETIME, roles);
    }

    /** A valid token whose {@code upn} (the principal's name) is not its subject. */
    public static String bearerWithUpn(String subject, String upn, String... roles) {
        return "Bearer "
                + DevJwt.mint(subject, upn, DevJwt.ISSUER, Instant.now().plus(LIFETIME), roles);
    }

    /** Correctly signed, but expired ten minutes ago. */
    public static String expired(String... roles) {
        return "Bearer " + DevJwt.mint(SUBJECT, DevJwt.ISSUER, Instant.now().minus(EXPIRED_SINCE), roles);
    }

    /** Correctly signed with the development key, but from an issuer Kontor does not trust. */
    public static String wrongIssuer(String... roles) {
        return "Bearer " + DevJwt.mint(SUBJECT, FOREIGN_ISSUER, Instant.now().plus(LIFETIME), roles);
    }

    /**
     * A valid token whose payload was edited afterwards to claim the {@code admin} role and another subject; the
     * signature no longer matches.
     */
    public static String tampered(String... roles) {
        String[] parts = DevJwt.mint(SUBJECT, LIFETIME, roles).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forged = payload.replace("\"" + SUBJECT + "\"", "\"admin\"")
                .replaceFirst("\"groups\":\\[[^\\]]*\\]", "\"groups\":[\"admin\"]");
        parts[1] = Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes(StandardCharsets.UTF_8));
        return "Bearer " + String.join(".", parts);
    }
}
