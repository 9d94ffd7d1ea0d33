package io.kontor.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Shows the outbox backlog in readiness. A broker outage alone keeps this UP on purpose: the service still accepts
 * writes and their events wait in the outbox (Kafka's own check reports the broker). DOWN means the relay is gone.
 */
@Readiness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {

    @Inject
    OutboxRelay relay;

    @Inject
    OutboxConfig config;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("outbox")
                .status(!config.relayEnabled() || relay.isRunning())
                .withData("backlog", relay.backlog())
                .withData("relay", config.relayEnabled() ? (relay.isRunning() ? "running" : "stopped") : "disabled");
        if (relay.lastError() != null) {
            response.withData("lastError", relay.lastError())
                    .withData("lastErrorAt", String.valueOf(relay.lastErrorAt()));
        }
        return response.build();
    }
}
