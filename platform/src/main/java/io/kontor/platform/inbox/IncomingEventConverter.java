package io.kontor.platform.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kontor.platform.events.IncomingEvent;
import io.smallrye.reactive.messaging.MessageConverter;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.reflect.Type;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Lets an {@code @Incoming} method take an {@link IncomingEvent}: the Kafka connector hands over the raw string value,
 * and this converter adds the record's headers, key and position. It never fails, so that even a malformed record
 * reaches {@link InboxInterceptor} and the dead-letter topic instead of stopping the channel.
 */
@ApplicationScoped
public class IncomingEventConverter implements MessageConverter {

    @Inject
    ObjectMapper json;

    @Override
    public boolean canConvert(Message<?> in, Type target) {
        return target == IncomingEvent.class
                && in.getMetadata(IncomingKafkaRecordMetadata.class).isPresent();
    }

    @Override
    public Message<?> convert(Message<?> in, Type target) {
        IncomingKafkaRecordMetadata<?, ?> record =
                in.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow();
        return in.withPayload(IncomingEvent.of(
                record.getTopic(),
                record.getPartition(),
                record.getOffset(),
                record.getKey(),
                record.getHeaders(),
                in.getPayload(),
                json));
    }
}
