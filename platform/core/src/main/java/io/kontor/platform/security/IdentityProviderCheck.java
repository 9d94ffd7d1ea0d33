package io.kontor.platform.security;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Refuses to start an application that would trust tokens nobody vouches for. The development key's private half is in
 * the repository: whoever has it signs an admin token ({@code kontor token --role admin}). It is the default only in
 * the {@code dev}, {@code local} and {@code test} profiles (microprofile-config.properties); any other profile - prod,
 * staging, whatever a deployment names - must be given the identity provider by {@code KONTOR_JWT_ISSUER} and
 * {@code KONTOR_JWT_PUBLIC_KEY_LOCATION}, and may not name the bundled development key. A startup check rather than a
 * missing default alone: without it an unset variable surfaced as some other bean's missing property, or not at all.
 *
 * <p>The local platform runs the prod profile with a copy of the development key named through those variables: an
 * explicit choice of the launcher, allowed, and logged as a warning.
 */
@Singleton
public class IdentityProviderCheck {

    static final Set<String> DEVELOPMENT_PROFILES = Set.of("dev", "local", "test");
    static final String DEVELOPMENT_KEY = "kontor/dev-jwt/public.pem";
    static final String DEVELOPMENT_ISSUER = "https://kontor.local/dev";

    private static final Logger LOG = Logger.getLogger(IdentityProviderCheck.class);

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent started) {
        Config config = ConfigProvider.getConfig();
        List<String> profiles = ConfigUtils.getProfiles();
        Optional<String> issuer = config.getOptionalValue("mp.jwt.verify.issuer", String.class);
        refusal(
                        profiles,
                        issuer,
                        config.getOptionalValue("mp.jwt.verify.publickey.location", String.class),
                        config.getOptionalValue("mp.jwt.verify.publickey", String.class))
                .ifPresent(message -> {
                    throw new IllegalStateException(message);
                });
        if (!isDevelopment(profiles)
                && issuer.filter(DEVELOPMENT_ISSUER::equals).isPresent()) {
            LOG.warnf(
                    "Profile %s trusts tokens of the development issuer %s: right for the local platform, never for"
                            + " production",
                    profiles, DEVELOPMENT_ISSUER);
        }
    }

    /**
     * Why an application in {@code profiles} must not start with these token settings, or empty when it may.
     *
     * @param keyLocation {@code mp.jwt.verify.publickey.location}
     * @param inlineKey {@code mp.jwt.verify.publickey}, the other way of naming the key
     */
    static Optional<String> refusal(
            List<String> profiles, Optional<String> issuer, Optional<String> keyLocation, Optional<String> inlineKey) {
        if (isDevelopment(profiles)) {
            return Optional.empty();
        }
        String trusted = " The development key is trusted only in the " + String.join(", ", sorted()) + " profiles.";
        boolean hasKey = keyLocation.filter(location -> !location.isBlank()).isPresent()
                || inlineKey.filter(key -> !key.isBlank()).isPresent();
        if (issuer.filter(value -> !value.isBlank()).isEmpty() || !hasKey) {
            return Optional.of("No identity provider is configured for profile " + String.join(",", profiles)
                    + ": set KONTOR_JWT_ISSUER (the issuer of the tokens) and KONTOR_JWT_PUBLIC_KEY_LOCATION (its public"
                    + " key: a PEM or JWKS file or URL)." + trusted);
        }
        if (keyLocation.map(IdentityProviderCheck::isDevelopmentKey).orElse(false)) {
            return Optional.of("Profile " + String.join(",", profiles)
                    + " would verify tokens with the development key ("
                    + DEVELOPMENT_KEY + "), whose private half is public: anyone could sign an admin token. Set"
                    + " KONTOR_JWT_ISSUER and KONTOR_JWT_PUBLIC_KEY_LOCATION to your identity provider's." + trusted);
        }
        return Optional.empty();
    }

    private static boolean isDevelopment(List<String> profiles) {
        return profiles.stream().anyMatch(DEVELOPMENT_PROFILES::contains);
    }

    private static boolean isDevelopmentKey(String location) {
        String path = location.trim();
        if (path.startsWith("classpath:")) {
            path = path.substring("classpath:".length());
        }
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        return path.equals(DEVELOPMENT_KEY);
    }

    private static List<String> sorted() {
        return DEVELOPMENT_PROFILES.stream().sorted().toList();
    }
}
