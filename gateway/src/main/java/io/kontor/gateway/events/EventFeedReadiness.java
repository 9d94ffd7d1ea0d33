package io.kontor.gateway.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The gateway is ready once its live event stream reads Kafka: a client that opens the stream right after "ready" must
 * see the events that follow (`kontor events tail` in a script started with the platform).
 */
@Readiness
@ApplicationScoped
public class EventFeedReadiness implements HealthCheck {

    @Inject
    KafkaEventFeed feed;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("event-feed")
                .status(feed.joinedOrDisabled())
                .build();
    }
}
