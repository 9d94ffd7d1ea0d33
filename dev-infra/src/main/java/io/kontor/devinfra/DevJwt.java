package io.kontor.devinfra;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

/**
 * Mints RS256 bearer tokens the way the production identity provider would, for the local launcher ({@code kontor token
 * --role …}) and for tests.
 *
 * <p>The key pair ({@code dev-jwt-private.pem} here, the public half also in the platform's
 * {@code kontor/dev-jwt/public.pem}) is for development and tests only. It is public in the repository, so anyone can
 * sign with it: no deployment beyond a developer's machine may trust it.
 */
public final class DevJwt {

    public static final String ISSUER = "https://kontor.local/dev";
    public static final String AUDIENCE = "kontor";

    private static final String PRIVATE_KEY_RESOURCE = "dev-jwt-private.pem";
    private static final String PUBLIC_KEY_RESOURCE = "dev-jwt-public.pem";
    // Backdates the issue time of an already expired token so that iat still comes before exp.
    private static final Duration EXPIRED_TOKEN_AGE = Duration.ofHours(1);

    private DevJwt() {}

    /** A token from {@link #ISSUER} for {@link #AUDIENCE}, valid for {@code ttl} from now. */
    public static String mint(String subject, Duration ttl, String... roles) {
        return mint(subject, ISSUER, Instant.now().plus(ttl), roles);
    }

    /** Any issuer and expiry, for tests of tokens a service must reject (expired, foreign issuer). */
    public static String mint(String subject, String issuer, Instant expiresAt, String... roles) {
        return mint(subject, subject, issuer, expiresAt, roles);
    }

    /**
     * A token whose {@code upn} differs from its {@code sub}: the name an identity provider lets users choose, for
     * tests that ownership follows the subject.
     */
    public static String mint(String subject, String upn, String issuer, Instant expiresAt, String... roles) {
        Instant now = Instant.now();
        Instant issuedAt = expiresAt.isAfter(now) ? now : expiresAt.minus(EXPIRED_TOKEN_AGE);
        return Jwt.issuer(issuer)
                .audience(AUDIENCE)
                .subject(subject)
                .upn(upn)
                .groups(Set.of(roles))
                .issuedAt(issuedAt)
                .expiresAt(expiresAt)
                .claim("jti", UUID.randomUUID().toString())
                .jws()
                .algorithm(SignatureAlgorithm.RS256)
                .sign(Keys.PRIVATE);
    }

    /** The verification key matching the signing key. */
    public static PublicKey publicKey() {
        return Keys.PUBLIC;
    }

    public static String publicKeyPem() {
        return readResource(PUBLIC_KEY_RESOURCE);
    }

    // Holder class: the keys are parsed once, on first use.
    private static final class Keys {
        static final PrivateKey PRIVATE;
        static final PublicKey PUBLIC;

        static {
            try {
                KeyFactory rsa = KeyFactory.getInstance("RSA");
                PRIVATE = rsa.generatePrivate(new PKCS8EncodedKeySpec(der(PRIVATE_KEY_RESOURCE)));
                PUBLIC = rsa.generatePublic(new X509EncodedKeySpec(der(PUBLIC_KEY_RESOURCE)));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Invalid development key pair", e);
            }
        }

        private static byte[] der(String pemResource) {
            String base64 = readResource(pemResource)
                    .replaceAll("-----[A-Z ]+-----", "")
                    .replaceAll("\\s", "");
            return Base64.getDecoder().decode(base64);
        }
    }

    private static String readResource(String name) {
        try (InputStream in = DevJwt.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(
                        "Resource io/kontor/devinfra/" + name + " is missing from kontor-dev-infra");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
