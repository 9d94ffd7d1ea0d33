package io.kontor.platform.testapp;

import io.kontor.platform.inbox.InboxBatches;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** A batch channel over a topic that no {@code @InboxHandled(topics)} method names: a wiring mistake, on purpose. */
@ApplicationScoped
public class OrphanChannel {

    @Inject
    InboxBatches inbox;

    @Incoming("test-orphan")
    @Blocking
    void on(ConsumerRecords<String, String> records) {
        inbox.apply(records);
    }
}
