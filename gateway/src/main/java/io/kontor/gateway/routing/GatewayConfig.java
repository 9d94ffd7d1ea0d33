package io.kontor.gateway.routing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** The gateway's own settings ({@code kontor.gateway.*} in application.properties, {@code KONTOR_GATEWAY_*} in env). */
@ConfigMapping(prefix = "kontor.gateway")
public interface GatewayConfig {

    /** The services behind the gateway, keyed by the domain whose paths they serve ({@link Downstream#domain()}). */
    Map<String, Service> services();

    interface Service {

        /** Scheme, host and port only: the service serves the public paths itself, so nothing is prepended. */
        URI url();

        /** Longest wait for a connection; past it the caller gets 503. */
        Duration connectTimeout();

        /** Longest silence of the service, before its answer starts (then 504) or while it streams a body. */
        Duration requestTimeout();

        /** Connections kept to the service; more concurrent requests queue for one (bounded by the connect timeout). */
        int maxConnections();

        /**
         * How long an unused connection stays in the pool. Must be shorter than the time after which the service (its
         * {@code quarkus.http.idle-timeout}) or anything between closes an idle connection: the gateway has to be the
         * one that closes it, otherwise a request can be written onto a connection the service is closing that moment.
         * Whole seconds (Vert.x), at least 1.
         */
        @WithDefault("20s")
        Duration keepAliveTimeout();

        /**
         * Further attempts for an idempotent request whose attempt found no connection or lost it before the answer (0:
         * none). Never for a timeout: a slow service gets slower with each repetition.
         */
        int retries();

        /** Pause before another attempt, so that a restarting replica or a new connection has a moment. */
        Duration retryDelay();

        CircuitBreakerSettings circuitBreaker();
    }

    interface CircuitBreakerSettings {

        /** Transport failures in a row after which the gateway stops calling the service. */
        int failureThreshold();

        /** How long it then answers 503 at once, before one trial request may go through. */
        Duration openFor();
    }
}
