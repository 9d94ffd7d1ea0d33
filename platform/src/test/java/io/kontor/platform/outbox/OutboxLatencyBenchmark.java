package io.kontor.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.kontor.devinfra.KafkaAccess;
import io.kontor.platform.testapp.Notes;
import io.kontor.testing.TestInfra;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * Not a test (surefire does not pick up *Benchmark): a measuring harness for the outbox's publish latency, the time
 * from a transaction's commit to the event being readable on Kafka. Run it on a quiet machine with {@code ./mvnw -f
 * platform/pom.xml verify -Dtest=OutboxLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false}; it prints the figures
 * and writes them to target/benchmarks/outbox-latency.txt.
 */
@QuarkusTest
class OutboxLatencyBenchmark {

    private static final int WARM_UP = 50;
    private static final int MEASURED = 500;

    @Inject
    Notes notes;

    @Test
    void publish_latency_after_commit() throws Exception {
        try (KafkaConsumer<String, String> consumer = consumerAtEndOf("test.notes")) {
            for (int i = 0; i < WARM_UP; i++) {
                commitAndAwait(consumer);
            }
            long[] micros = new long[MEASURED];
            for (int i = 0; i < MEASURED; i++) {
                micros[i] = commitAndAwait(consumer).toNanos() / 1000;
            }
            Arrays.sort(micros);
            String result = String.format(
                    "outbox publish latency, commit to readable on Kafka, %d sequential events:%n"
                            + "p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%nmeasured %s on %d cores%n",
                    MEASURED,
                    micros[MEASURED / 2] / 1000.0,
                    micros[MEASURED * 9 / 10] / 1000.0,
                    micros[MEASURED * 99 / 100] / 1000.0,
                    micros[MEASURED - 1] / 1000.0,
                    Instant.now(),
                    Runtime.getRuntime().availableProcessors());
            System.out.println(result);
            Path out = Path.of("target", "benchmarks", "outbox-latency.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, result);
            assertThat(micros[MEASURED / 2]).isPositive();
        }
    }

    private Duration commitAndAwait(KafkaConsumer<String, String> consumer) {
        UUID id = notes.write("latency").id;
        long committed = System.nanoTime();
        while (true) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(1))) {
                if (record.key().equals(id.toString())) {
                    return Duration.ofNanos(System.nanoTime() - committed);
                }
            }
            if (System.nanoTime() - committed > Duration.ofSeconds(30).toNanos()) {
                throw new AssertionError("event of note " + id + " did not arrive within 30 s");
            }
        }
    }

    private static KafkaConsumer<String, String> consumerAtEndOf(String topic) {
        Map<String, Object> config = new HashMap<>(TestInfra.kafkaClient(KafkaAccess.ADMIN));
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config);
        List<TopicPartition> partitions = new ArrayList<>();
        consumer.partitionsFor(topic, Duration.ofSeconds(30))
                .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }
}
