package io.kontor.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdentityProviderCheckTest {

    private static final Optional<String> ISSUER = Optional.of("https://login.example.com/realms/kontor");
    private static final Optional<String> KEY = Optional.of("file:/etc/kontor/identity/public.pem");
    private static final Optional<String> DEV_KEY = Optional.of("kontor/dev-jwt/public.pem");

    @ParameterizedTest(name = "profiles {0}")
    @CsvSource({"dev", "local", "test", "prod+local", "test+benchmark"})
    void a_development_profile_may_start_with_the_development_key_or_none(String profiles) {
        assertThat(IdentityProviderCheck.refusal(profiles(profiles), Optional.empty(), DEV_KEY, Optional.empty()))
                .isEmpty();
        assertThat(IdentityProviderCheck.refusal(
                        profiles(profiles), Optional.empty(), Optional.empty(), Optional.empty()))
                .isEmpty();
    }

    @ParameterizedTest(name = "profiles {0}")
    @CsvSource({"prod", "staging", "prod+benchmark"})
    void any_other_profile_without_the_identity_provider_is_refused_naming_the_variables(String profiles) {
        for (Optional<String> issuer : List.of(Optional.<String>empty(), Optional.of(""), ISSUER)) {
            for (Optional<String> key : List.of(Optional.<String>empty(), Optional.of(" "))) {
                if (issuer.equals(ISSUER) && key.isPresent()) {
                    continue;
                }
                assertThat(IdentityProviderCheck.refusal(profiles(profiles), issuer, key, Optional.empty()))
                        .as("issuer %s, key %s", issuer, key)
                        .hasValueSatisfying(message -> assertThat(message)
                                .contains("KONTOR_JWT_ISSUER")
                                .contains("KONTOR_JWT_PUBLIC_KEY_LOCATION")
                                .contains(profiles.replace('+', ','))
                                .contains("dev, local, test"));
            }
        }
        assertThat(IdentityProviderCheck.refusal(profiles(profiles), Optional.empty(), KEY, Optional.empty()))
                .as("a key without issuer")
                .isPresent();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"kontor/dev-jwt/public.pem", "/kontor/dev-jwt/public.pem", "classpath:kontor/dev-jwt/public.pem"})
    void the_bundled_development_key_is_refused_outside_development_profiles(String location) {
        assertThat(IdentityProviderCheck.refusal(List.of("staging"), ISSUER, Optional.of(location), Optional.empty()))
                .hasValueSatisfying(message ->
                        assertThat(message).contains("development key").contains("KONTOR_JWT_PUBLIC_KEY_LOCATION"));
    }

    @Test
    void an_identity_provider_named_by_location_or_inline_key_is_accepted() {
        assertThat(IdentityProviderCheck.refusal(List.of("prod"), ISSUER, KEY, Optional.empty()))
                .isEmpty();
        assertThat(IdentityProviderCheck.refusal(
                        List.of("staging"), ISSUER, Optional.empty(), Optional.of("-----BEGIN PUBLIC KEY-----")))
                .isEmpty();
    }

    @Test
    void the_local_platform_naming_a_copy_of_the_development_key_by_file_may_start() {
        // LocalPlatform: prod profile, KONTOR_JWT_ISSUER=https://kontor.local/dev and the key copied to its data dir.
        assertThat(IdentityProviderCheck.refusal(
                        List.of("prod"),
                        Optional.of("https://kontor.local/dev"),
                        Optional.of("/home/me/kontor/.kontor-data/jwt/dev-public.pem"),
                        Optional.empty()))
                .isEmpty();
    }

    private static List<String> profiles(String plusSeparated) {
        return Arrays.asList(plusSeparated.split("\\+"));
    }
}
