package io.kontor.platform.testapp;

import io.kontor.platform.inbox.InboxBatches;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** The test application's batch channel: one consumer over test.batch-a and test.batch-b. */
@ApplicationScoped
public class BatchChannel {

    @Inject
    InboxBatches inbox;

    @Incoming("test-batch")
    @Blocking
    void on(ConsumerRecords<String, String> records) {
        inbox.apply(records);
    }
}
