package io.kontor.accounting;

import io.kontor.platform.inbox.InboxBatches;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Accounting's one consumer of the topics its own handlers read (the {@code @InboxHandled(topics = ...)} methods): a
 * whole poll in one transaction. The platform's approval and privacy handlers keep their own channels.
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
