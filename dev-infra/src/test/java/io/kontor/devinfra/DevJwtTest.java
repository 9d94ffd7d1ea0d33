package io.kontor.devinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;

class DevJwtTest {

    private static final JwtConsumer VERIFIER = new JwtConsumerBuilder()
            .setVerificationKey(DevJwt.publicKey())
            .setExpectedIssuer(DevJwt.ISSUER)
            .setExpectedAudience(DevJwt.AUDIENCE)
            .setRequireExpirationTime()
            .setRequireIssuedAt()
            .setRequireJwtId()
            .build();

    @Test
    void a_minted_token_verifies_with_the_public_key_and_carries_the_roles() throws Exception {
        String token = DevJwt.mint("alice", Duration.ofMinutes(5), "accounting", "admin");

        JwtClaims claims = VERIFIER.processToClaims(token);

        assertThat(claims.getSubject()).isEqualTo("alice");
        assertThat(claims.getStringClaimValue("upn")).isEqualTo("alice");
        assertThat(claims.getStringListClaimValue("groups")).containsExactlyInAnyOrder("accounting", "admin");
        assertThat(claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue())
                .isEqualTo(300);
    }

    @Test
    void an_expired_token_is_rejected() {
        String token = DevJwt.mint("alice", DevJwt.ISSUER, Instant.now().minus(Duration.ofMinutes(10)), "admin");

        assertThatThrownBy(() -> VERIFIER.processToClaims(token))
                .isInstanceOfSatisfying(
                        InvalidJwtException.class,
                        e -> assertThat(e.hasExpired()).isTrue());
    }

    @Test
    void a_token_from_another_issuer_is_rejected() {
        String token =
                DevJwt.mint("alice", "https://evil.example", Instant.now().plusSeconds(300), "admin");

        assertThatThrownBy(() -> VERIFIER.processToClaims(token)).isInstanceOf(InvalidJwtException.class);
    }

    @Test
    void the_platform_verifies_with_the_public_half_of_this_key() throws Exception {
        // platform/ and its sub-modules (platform/core): wherever the key moves, it must stay the same key.
        Path platform = Path.of("..", "platform");
        List<Path> platformKeys;
        try (Stream<Path> modules = Stream.concat(Stream.of(platform), Files.list(platform))) {
            platformKeys = modules.map(module -> module.resolve("src/main/resources/kontor/dev-jwt/public.pem"))
                    .filter(Files::isRegularFile)
                    .collect(Collectors.toList());
        }

        assertThat(platformKeys).isNotEmpty();
        for (Path key : platformKeys) {
            assertThat(Files.readString(key)).as(key.toString()).isEqualTo(DevJwt.publicKeyPem());
        }
    }
}
