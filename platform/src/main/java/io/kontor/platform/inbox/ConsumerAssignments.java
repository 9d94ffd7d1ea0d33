package io.kontor.platform.inbox;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Remembers which subscribed topics have been through a first partition assignment. Every Kafka channel of a service
 * reports here (the platform names this listener for the connector), so readiness can wait until the consumers really
 * read: before that, an event published right after "ready" would sit unread for the seconds a group join takes.
 */
@ApplicationScoped
@Identifier(ConsumerAssignments.NAME)
public class ConsumerAssignments implements KafkaConsumerRebalanceListener {

    static final String NAME = "kontor-consumer-assignments";

    private final Set<String> assignedTopics = ConcurrentHashMap.newKeySet();

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        // The group has decided, even when it gave this replica nothing (more replicas than partitions): from now on
        // the consumer follows its topics.
        assignedTopics.addAll(consumer.subscription());
    }

    /** The topics whose consumer has joined its group at least once since the start. */
    public Set<String> assignedTopics() {
        return Set.copyOf(assignedTopics);
    }
}
