package io.kontor.sales;

import io.kontor.platform.inbox.InboxBatches;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The service's one Kafka consumer: every topic its handlers ({@code @InboxHandled(topics = ...)}) and the platform's
 * privacy and approval handlers read, a whole poll in one transaction ({@link InboxBatches}).
 */
@ApplicationScoped
public class SalesEvents {

    @Inject
    InboxBatches inbox;

    @Incoming("sales-events")
    @Blocking
    void on(ConsumerRecords<String, String> records) {
        inbox.apply(records);
    }
}
