package io.kontor.accounting;

import io.kontor.platform.inbox.InboxBatches;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Accounting's one Kafka consumer: the topics its own handlers (the {@code @InboxHandled(topics = ...)} methods) and
 * the platform's approval and privacy handlers read, a whole poll in one transaction.
 */
@ApplicationScoped
public class AccountingEvents {

    @Inject
    InboxBatches inbox;

    @Incoming("accounting-events")
    @Blocking
    void on(ConsumerRecords<String, String> records) {
        inbox.apply(records);
    }
}
