package io.kontor.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kontor.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/**
 * The parser Quarkus' bearer-token mechanism calls is decorated with the verified-token cache (#23, CachingJwtParser):
 * the same token is verified once, and a token that fails verification fails every time.
 */
@QuarkusTest
class VerifiedJwtCacheTest {

    @Inject
    JWTParser parser;

    @Test
    void a_valid_token_is_verified_once_and_then_answered_from_the_cache() throws ParseException {
        String token = raw(TestTokens.bearer(Roles.ADMIN));

        JsonWebToken first = parser.parse(token);
        JsonWebToken second = parser.parse(token);

        assertThat(second).isSameAs(first);
        assertThat(first.getGroups()).contains(Roles.ADMIN);
    }

    @Test
    void a_tampered_or_expired_token_is_refused_every_time_even_after_its_genuine_sibling_was_cached()
            throws ParseException {
        parser.parse(raw(TestTokens.bearer(Roles.SALES)));
        String tampered = raw(TestTokens.tampered(Roles.SALES));
        String expired = raw(TestTokens.expired(Roles.SALES));

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> parser.parse(tampered)).isInstanceOf(ParseException.class);
            assertThatThrownBy(() -> parser.parse(expired)).isInstanceOf(ParseException.class);
        }
    }

    private static String raw(String header) {
        return header.substring("Bearer ".length());
    }
}
