package io.kontor.gateway.openapi;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The merged API document ({@code kontor.gateway.openapi.*}). */
@ConfigMapping(prefix = "kontor.gateway.openapi")
public interface OpenApiConfig {

    /** How long a complete merged document is served before the services are asked again. */
    Duration keepFor();

    /**
     * How long a document with a service missing is served before the services are asked again: without it, every
     * request for the document would wait for the unavailable service's timeout while it is down.
     */
    @WithDefault("15s")
    Duration keepIncompleteFor();
}
