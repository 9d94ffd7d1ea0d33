package io.kontor.platform.deadletter;

import io.kontor.platform.events.CloudEventHeaders;
import io.kontor.platform.inbox.InboxConfig;
import io.kontor.platform.kafka.TopicReader;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads the dead letters this service parked on its own dead-letter topic ({@code kontor.inbox.dead-letter-topic}), the
 * only one its Kafka user may read. It is read from its beginning to its current end without a consumer group: reading
 * commits nothing and never moves another reader.
 */
@ApplicationScoped
public class DeadLetterArchive {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    /** Every {@code kafka.*} setting of the service, as the Kafka connector sees them (TLS, SASL included). */
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaClientConfig;

    @ConfigProperty(name = "quarkus.application.name")
    String serviceName;

    @Inject
    InboxConfig inboxConfig;

    /**
     * The dead letters this service's consumers parked on its own dead-letter topic: of records read from
     * {@code topic}, and by {@code consumer} only when given.
     */
    public List<DeadLetter> read(String topic, String consumer) {
        String deadLetterTopic = inboxConfig.deadLetterTopic();
        List<DeadLetter> letters = new ArrayList<>();
        TopicReader.readToEnd(readerProperties(), deadLetterTopic, READ_TIMEOUT, record -> {
            DeadLetter letter = DeadLetter.of(record);
            if (topic.equals(letter.topic()) && (consumer == null || consumer.equals(letter.consumer()))) {
                letters.add(letter);
            }
        });
        return letters;
    }

    private Map<String, Object> readerProperties() {
        Map<String, Object> properties = new HashMap<>();
        kafkaClientConfig.forEach((name, value) -> {
            if (ConsumerConfig.configNames().contains(name) || name.startsWith("sasl.") || name.startsWith("ssl.")) {
                properties.put(name, value);
            }
        });
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, serviceName + "-dead-letter-reader");
        return properties;
    }

    /**
     * A dead letter as parked: the original record's key, value and headers plus the {@code kontor_*} headers of the
     * dead-letter queue; {@code topic} is the topic it was read from, {@code partition} and {@code offset} its place on
     * the dead-letter topic.
     */
    public record DeadLetter(
            String topic,
            int partition,
            long offset,
            Instant parkedAt,
            String key,
            String payload,
            Map<String, String> headers) {

        /** The prefix of what the dead-letter queue adds ({@code kontor_error}, {@code kontor_consumer}). */
        static final String KONTOR_HEADER_PREFIX = "kontor_";

        static DeadLetter of(ConsumerRecord<String, String> record) {
            Map<String, String> headers = new LinkedHashMap<>();
            for (Header header : record.headers()) {
                headers.put(
                        header.key(),
                        header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
            }
            return new DeadLetter(
                    headers.get(CloudEventHeaders.DLQ_TOPIC),
                    record.partition(),
                    record.offset(),
                    Instant.ofEpochMilli(record.timestamp()),
                    record.key(),
                    record.value(),
                    headers);
        }

        public String eventId() {
            return headers.get(CloudEventHeaders.ID);
        }

        public String consumer() {
            return headers.get(CloudEventHeaders.DLQ_CONSUMER);
        }

        public String error() {
            return headers.get(CloudEventHeaders.DLQ_ERROR);
        }

        /** The partition of the original topic the record was read from; -1 for letters parked before it was kept. */
        public int originalPartition() {
            String partition = headers.get(CloudEventHeaders.DLQ_PARTITION);
            return partition == null ? -1 : Integer.parseInt(partition);
        }

        public long originalOffset() {
            String offset = headers.get(CloudEventHeaders.DLQ_OFFSET);
            return offset == null ? -1 : Long.parseLong(offset);
        }

        /** The headers of the original record: what the dead-letter queue added is not part of the event. */
        public Map<String, String> originalHeaders() {
            Map<String, String> original = new LinkedHashMap<>(headers);
            original.keySet().removeIf(name -> name.startsWith(KONTOR_HEADER_PREFIX));
            return original;
        }

        /** What tells two dead letters of one event apart from two events: the ce_id, or the position without one. */
        String identity() {
            return eventId() != null ? eventId() : "offset " + partition + "/" + offset;
        }
    }
}
