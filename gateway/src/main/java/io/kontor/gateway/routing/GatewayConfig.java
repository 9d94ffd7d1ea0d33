package io.kontor.gateway.routing;

import io.smallrye.config.ConfigMapping;
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
    }
}
