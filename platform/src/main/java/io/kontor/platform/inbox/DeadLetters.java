package io.kontor.platform.inbox;

import io.kontor.platform.events.CloudEventHeaders;
import io.kontor.platform.events.IncomingEvent;
import io.kontor.platform.outbox.Outbox;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Parks a record its consumer cannot handle on the service's own dead-letter topic ({@code <service>.dlq}): same key,
 * same value, the original headers plus {@code kontor_error}, {@code kontor_consumer} and where it was read
 * ({@code kontor_topic}, {@code kontor_partition}, {@code kontor_offset}). It goes through the outbox, so the dead
 * letter is as durable as any event. The service replays it itself, in process, through the same handler and inbox
 * ({@link io.kontor.platform.deadletter.DeadLetterReplay}): no service ever writes another domain's topic.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final int MAX_ERROR_LENGTH = 2000;

    @Inject
    Outbox outbox;

    @Inject
    MeterRegistry meters;

    @Inject
    InboxConfig config;

    public void park(IncomingEvent event, String consumer, String error) {
        Map<String, String> headers = new LinkedHashMap<>(event.headers());
        headers.put(
                CloudEventHeaders.DLQ_ERROR,
                error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error);
        headers.put(CloudEventHeaders.DLQ_CONSUMER, consumer);
        headers.put(CloudEventHeaders.DLQ_TOPIC, event.topic());
        headers.put(CloudEventHeaders.DLQ_PARTITION, Integer.toString(event.partition()));
        headers.put(CloudEventHeaders.DLQ_OFFSET, Long.toString(event.offset()));
        String deadLetterTopic = config.deadLetterTopic();
        QuarkusTransaction.requiringNew()
                .run(() -> outbox.enqueue(deadLetterTopic, event.key(), headers, event.payload()));
        meters.counter("kontor.inbox.dead.letters", "topic", event.topic(), "consumer", consumer)
                .increment();
        LOG.errorf("%s parked on %s by %s: %s", event, deadLetterTopic, consumer, error);
    }
}
