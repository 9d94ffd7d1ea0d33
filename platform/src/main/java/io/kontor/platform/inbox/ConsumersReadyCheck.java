package io.kontor.platform.inbox;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only once every consumed topic has its consumer in its group: "ready" then means that an event published now is
 * read now. A later broker outage or rebalance does not make the service unready again: it still answers requests and
 * its writes wait in the outbox, so taking it out of the Service would only turn a Kafka problem into an outage.
 */
@Readiness
@ApplicationScoped
public class ConsumersReadyCheck implements HealthCheck {

    private static final Pattern INCOMING_TOPIC = Pattern.compile("mp\\.messaging\\.incoming\\.(.+)\\.topics?");

    @Inject
    @Identifier(ConsumerAssignments.NAME)
    ConsumerAssignments assignments;

    @Inject
    Config config;

    private volatile Set<String> consumedTopics;

    @Override
    public HealthCheckResponse call() {
        Set<String> waiting = new TreeSet<>(consumedTopics());
        waiting.removeAll(assignments.assignedTopics());
        return HealthCheckResponse.named("kafka-consumers")
                .status(waiting.isEmpty())
                .withData("consumed", String.join(",", new TreeSet<>(consumedTopics())))
                .withData("waitingForAssignment", String.join(",", waiting))
                .build();
    }

    private Set<String> consumedTopics() {
        Set<String> topics = consumedTopics;
        if (topics == null) {
            topics = new TreeSet<>();
            for (String name : config.getPropertyNames()) {
                Matcher incoming = INCOMING_TOPIC.matcher(name);
                if (incoming.matches()
                        && config.getOptionalValue(
                                        "mp.messaging.incoming." + incoming.group(1) + ".enabled", Boolean.class)
                                .orElse(true)) {
                    // topic=a, or topics=a,b for a batch channel over several topics (InboxBatches)
                    for (String topic : config.getValue(name, String.class).split(",")) {
                        topics.add(topic.strip());
                    }
                }
            }
            consumedTopics = Set.copyOf(topics);
        }
        return topics;
    }
}
