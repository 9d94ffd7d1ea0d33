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
 * Parked rows are a warning, not DOWN: taking the service out of rotation would not help an admin resolve them, and
 * every other key still flows.
 */
@Readiness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {

    @Inject
    OutboxRelay relay;

    @Inject
    OutboxConfig config;

    @Inject
    ParkedOutbox parked;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("outbox")
                .status(!config.relayEnabled() || relay.isRunning())
                .withData("backlog", relay.backlog())
                .withData("relay", config.relayEnabled() ? (relay.isRunning() ? "running" : "stopped") : "disabled");
        long parkedRows = parked.count();
        if (parkedRows > 0) {
            response.withData("parked", parkedRows)
                    .withData("heldBehindParked", parked.held())
                    .withData(
                            "warning",
                            parkedRows + " event(s) refused by Kafka for good, later events of their keys wait:"
                                    + " see GET /admin/outbox/parked");
        }
        if (relay.lastError() != null) {
            response.withData("lastError", relay.lastError())
                    .withData("lastErrorAt", String.valueOf(relay.lastErrorAt()));
        }
        return response.build();
    }
}
