package io.kontor.gateway.openapi;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** The merged API document ({@code kontor.gateway.openapi.*}). */
@ConfigMapping(prefix = "kontor.gateway.openapi")
public interface OpenApiConfig {

    /** How long a complete merged document is served before the services are asked again. */
    Duration keepFor();
}
