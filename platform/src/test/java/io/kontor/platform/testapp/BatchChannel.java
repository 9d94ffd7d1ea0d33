package io.kontor.platform.testapp;

import static org.awaitility.Awaitility.await;

import io.kontor.platform.inbox.InboxBatches;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** The test application's batch channel: one consumer over test.batch-a and test.batch-b. */
@ApplicationScoped
public class BatchChannel {

    @Inject
    InboxBatches inbox;

    @Inject
    KafkaClientService clients;

    @Incoming("test-batch")
    @Blocking
    void on(ConsumerRecords<String, String> records) {
        inbox.apply(records);
    }

    /**
     * Holds the channel's consumer back (once it has partitions) until {@link #resume()}, so that the records a test
     * writes meanwhile arrive in one poll.
     */
    public void pause() {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> consumer()
                                .getAssignments()
                                .await()
                                .atMost(Duration.ofSeconds(10))
                                .size()
                        > 0);
        consumer().pause().await().atMost(Duration.ofSeconds(10));
    }

    public void resume() {
        consumer().resume().await().atMost(Duration.ofSeconds(10));
    }

    private KafkaConsumer<Object, Object> consumer() {
        return clients.getConsumer("test-batch");
    }
}
