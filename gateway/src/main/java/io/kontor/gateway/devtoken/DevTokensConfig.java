package io.kontor.gateway.devtoken;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.Optional;

/** Development tokens ({@code kontor.gateway.dev-tokens.*}): on a developer's machine only. */
@ConfigMapping(prefix = "kontor.gateway.dev-tokens")
public interface DevTokensConfig {

    /** Asked for in the dev and local profiles; refused in any other (see {@link DevTokens}). */
    boolean enabled();

    /** The development private key (PEM, PKCS#8), as a file path or class path resource. */
    Optional<String> signingKeyLocation();

    Duration lifetime();
}
