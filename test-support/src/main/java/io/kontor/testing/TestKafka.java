package io.kontor.testing;

import io.kontor.devinfra.KafkaAccess;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plain Kafka clients against {@link TestInfra}'s broker, logged in as its administrator, for what a test must do
 * behind the application's back: put records (also undeserializable ones) on a topic and see what the application
 * published. Every read uses a fresh consumer group and starts at the earliest offset, so it sees the whole topic and
 * never takes records away from the application's consumers.
 */
public final class TestKafka {

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);
    // A fresh group needs a moment to join and receive its partitions before the quiet period counts.
    private static final Duration ASSIGNMENT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(200);

    private TestKafka() {}

    /** Sends a record and waits for the broker's acknowledgement; {@code value} may be null (a tombstone). */
    public static void send(String topic, String key, String value, Map<String, String> headers) {
        produce(topic, key, value, headers, StringSerializer.class);
    }

    public static void send(String topic, String key, String value) {
        send(topic, key, value, Map.of());
    }

    /** Sends arbitrary bytes, e.g. a poison record that no deserializer accepts. */
    public static void sendRaw(String topic, String key, byte[] value, Map<String, String> headers) {
        produce(topic, key, value, headers, ByteArraySerializer.class);
    }

    /**
     * Reads the topic from the beginning until at least {@code atLeast} records are there.
     *
     * @throws AssertionError with the records seen so far if they are too few after {@code timeout}
     */
    public static List<ConsumerRecord<String, String>> awaitRecords(String topic, int atLeast, Duration timeout) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = subscribedConsumer(topic)) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (records.size() < atLeast) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Expected at least " + atLeast + " records on " + topic + " within "
                            + timeout + " but got " + records.size() + ":\n" + describe(records));
                }
                consumer.poll(POLL).forEach(records::add);
            }
        }
        return records;
    }

    /** Everything on the topic: reads from the beginning until no record arrives for {@code quietPeriod}. */
    public static List<ConsumerRecord<String, String>> readAll(String topic, Duration quietPeriod) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = subscribedConsumer(topic)) {
            long assignmentDeadline = System.nanoTime() + ASSIGNMENT_TIMEOUT.toNanos();
            while (consumer.assignment().isEmpty()) {
                if (System.nanoTime() > assignmentDeadline) {
                    throw new AssertionError("No partitions of " + topic + " assigned within " + ASSIGNMENT_TIMEOUT);
                }
                consumer.poll(POLL).forEach(records::add);
            }
            long quietSince = System.nanoTime();
            while (System.nanoTime() - quietSince < quietPeriod.toNanos()) {
                int before = records.size();
                consumer.poll(POLL).forEach(records::add);
                if (records.size() > before) {
                    quietSince = System.nanoTime();
                }
            }
        }
        return records;
    }

    /** The last value of the header as UTF-8 text, or null if the record has no such header. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** All headers as UTF-8 text, in order; of repeated headers the last wins. */
    public static Map<String, String> headers(ConsumerRecord<?, ?> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(
                    header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }

    private static <V> void produce(
            String topic, String key, V value, Map<String, String> headers, Class<?> valueSerializer) {
        Map<String, Object> config = new HashMap<>(TestInfra.kafkaClient(KafkaAccess.ADMIN));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, valueSerializer);
        ProducerRecord<String, V> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, text) ->
                record.headers().add(name, text == null ? null : text.getBytes(StandardCharsets.UTF_8)));
        try (KafkaProducer<String, V> producer = new KafkaProducer<>(config)) {
            producer.send(record).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not send to " + topic + " on " + TestInfra.bootstrapServers(), e);
        }
    }

    private static KafkaConsumer<String, String> subscribedConsumer(String topic) {
        Map<String, Object> config = new HashMap<>(TestInfra.kafkaClient(KafkaAccess.ADMIN));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config);
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    private static String describe(List<ConsumerRecord<String, String>> records) {
        return records.stream()
                .map(r ->
                        "  " + r.partition() + "@" + r.offset() + " " + r.key() + " = " + r.value() + " " + headers(r))
                .collect(Collectors.joining("\n"));
    }
}
