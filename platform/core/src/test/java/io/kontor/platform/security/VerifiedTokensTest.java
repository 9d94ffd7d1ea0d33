package io.kontor.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** The verified-token cache (#23) never answers a token past its expiry and never grows past its bound. */
class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2030-01-01T10:00:00Z");

    private Instant now = NOW;
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void a_token_is_answered_until_its_expiry_and_not_a_second_longer() {
        VerifiedTokens tokens = new VerifiedTokens(clock, 10, Duration.ofMinutes(10));
        JsonWebToken token = token(NOW.plusSeconds(60));
        tokens.put("a", token);

        now = NOW.plusSeconds(59);
        assertThat(tokens.get("a")).isSameAs(token);
        now = NOW.plusSeconds(60);
        assertThat(tokens.get("a"))
                .as("expired: verified again, which refuses it")
                .isNull();
        assertThat(tokens.size()).isZero();
    }

    @Test
    void a_far_expiry_is_bounded_by_the_maximum_age() {
        VerifiedTokens tokens = new VerifiedTokens(clock, 10, Duration.ofMinutes(10));
        tokens.put("a", token(NOW.plus(Duration.ofDays(1))));

        now = NOW.plus(Duration.ofMinutes(10));
        assertThat(tokens.get("a")).isNull();
    }

    @Test
    void an_expired_token_is_not_kept() {
        VerifiedTokens tokens = new VerifiedTokens(clock, 10, Duration.ofMinutes(10));
        tokens.put("a", token(NOW.minusSeconds(1)));
        assertThat(tokens.size()).isZero();
    }

    @Test
    void the_cache_never_holds_more_than_its_bound_and_drops_expired_entries_first() {
        VerifiedTokens tokens = new VerifiedTokens(clock, 3, Duration.ofMinutes(10));
        tokens.put("short", token(NOW.plusSeconds(5)));
        tokens.put("b", token(NOW.plusSeconds(600)));
        tokens.put("c", token(NOW.plusSeconds(600)));
        now = NOW.plusSeconds(10);

        tokens.put("d", token(NOW.plusSeconds(600)));
        assertThat(tokens.size()).isEqualTo(3);
        assertThat(tokens.get("b")).isNotNull();

        tokens.put("e", token(NOW.plusSeconds(600)));
        assertThat(tokens.size()).isLessThanOrEqualTo(3);
        assertThat(tokens.get("e")).isNotNull();
    }

    private static JsonWebToken token(Instant expiry) {
        return new JsonWebToken() {
            @Override
            public String getName() {
                return "someone";
            }

            @Override
            public Set<String> getClaimNames() {
                return Set.of(Claims.exp.name());
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claimName) {
                return Claims.exp.name().equals(claimName) ? (T) Long.valueOf(expiry.getEpochSecond()) : null;
            }
        };
    }
}
