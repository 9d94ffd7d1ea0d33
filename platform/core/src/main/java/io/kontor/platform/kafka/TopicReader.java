package io.kontor.platform.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from its beginning to its end as of the call, without a consumer group: the partitions are assigned
 * directly, so there is no group join to wait for, no committed offset to disturb and no group ACL needed. Used where a
 * topic is evidence to look at (the dead-letter archive, tests reading what was published, benchmarks).
 */
public final class TopicReader {

    private static final Duration POLL = Duration.ofMillis(500);

    private TopicReader() {}

    /**
     * Hands every record of {@code topic} to {@code sink}, in offset order per partition, until each partition's
     * position reaches the end it had when reading began; a topic that does not exist has no records.
     *
     * @param clientProperties bootstrap servers and the login (TLS, SASL) of whoever reads; deserializers and offsets
     *     are set here
     * @throws IllegalStateException when the end is not reached within {@code timeout}
     */
    public static void readToEnd(
            Map<String, ?> clientProperties,
            String topic,
            Duration timeout,
            Consumer<ConsumerRecord<String, String>> sink) {
        Properties properties = new Properties();
        properties.putAll(clientProperties);
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, String> reader = new KafkaConsumer<>(properties)) {
            List<PartitionInfo> partitions = reader.partitionsFor(topic, timeout);
            if (partitions == null || partitions.isEmpty()) {
                return;
            }
            List<TopicPartition> assigned = partitions.stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            reader.assign(assigned);
            reader.seekToBeginning(assigned);
            Map<TopicPartition, Long> end = reader.endOffsets(assigned, timeout);
            while (!end.entrySet().stream().allMatch(e -> reader.position(e.getKey()) >= e.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within " + timeout);
                }
                for (ConsumerRecord<String, String> record : reader.poll(POLL)) {
                    sink.accept(record);
                }
            }
        }
    }
}
