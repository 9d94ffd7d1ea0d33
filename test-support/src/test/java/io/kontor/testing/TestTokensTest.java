package io.kontor.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kontor.devinfra.DevJwt;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;

class TestTokensTest {

    private static final JwtConsumer VERIFIER = new JwtConsumerBuilder()
            .setVerificationKey(DevJwt.publicKey())
            .setExpectedIssuer(DevJwt.ISSUER)
            .setExpectedAudience(DevJwt.AUDIENCE)
            .build();

    @Test
    void a_bearer_token_is_valid_for_the_test_user_with_the_roles() throws Exception {
        String header = TestTokens.bearer("sales", "admin");

        assertThat(header).startsWith("Bearer ");
        JwtClaims claims = VERIFIER.processToClaims(jwt(header));
        assertThat(claims.getSubject()).isEqualTo(TestTokens.SUBJECT);
        assertThat(claims.getStringListClaimValue("groups")).containsExactlyInAnyOrder("sales", "admin");
    }

    @Test
    void expired_and_foreign_tokens_are_rejected() {
        assertThatThrownBy(() -> VERIFIER.processToClaims(jwt(TestTokens.expired("sales"))))
                .isInstanceOfSatisfying(
                        InvalidJwtException.class,
                        e -> assertThat(e.hasExpired()).isTrue());
        assertThatThrownBy(() -> VERIFIER.processToClaims(jwt(TestTokens.wrongIssuer("sales"))))
                .isInstanceOf(InvalidJwtException.class)
                .hasMessageContaining("iss");
    }

    @Test
    void a_tampered_token_claims_admin_but_its_signature_fails() {
        String token = jwt(TestTokens.tampered("sales"));

        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        assertThat(payload).contains("\"groups\":[\"admin\"]").doesNotContain(TestTokens.SUBJECT);
        assertThatThrownBy(() -> VERIFIER.processToClaims(token))
                .isInstanceOf(InvalidJwtException.class)
                .hasMessageContaining("signature");
    }

    private static String jwt(String header) {
        return header.substring("Bearer ".length());
    }
}
