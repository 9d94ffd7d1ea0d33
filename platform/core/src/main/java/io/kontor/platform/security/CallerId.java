package io.kontor.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who a caller is, for ownership (a front-office system's offers and customers) and idempotency keys: the token's
 * issuer and subject. {@code getPrincipal().getName()} is {@code upn}, else {@code preferred_username}, else
 * {@code sub} - names an identity provider lets users choose or change, and two users may share; only {@code iss} +
 * {@code sub} is unique and stable (OpenID Connect Core 1.0, 2.2; issue #24).
 */
public final class CallerId {

    /** Fits the {@code varchar(255)} columns that keep it; a longer id is kept as its SHA-256. */
    static final int MAX_LENGTH = 255;

    private CallerId() {}

    /**
     * {@code "<iss> <sub>"}; {@code null} for an anonymous caller. A principal that is no token, or a token without a
     * subject (which Kontor's identity providers do not issue), is named as such, never confused with a subject.
     */
    public static String of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return null;
        }
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null) {
            return of(token.getIssuer(), token.getSubject());
        }
        return of("(no subject)", identity.getPrincipal().getName());
    }

    static String of(String issuer, String subject) {
        String id = (issuer == null ? "" : issuer) + " " + subject;
        return id.length() <= MAX_LENGTH ? id : "sha256:" + sha256(id);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
