package io.kontor.accounting.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kontor.accounting.SalesEvents;
import io.kontor.devinfra.KafkaAccess;
import io.kontor.platform.events.IncomingEvent;
import io.kontor.platform.events.sales.CustomerRegistered;
import io.kontor.platform.inbox.InboxBatches;
import io.kontor.platform.inbox.InboxHandlers;
import io.kontor.testing.TestInfra;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import jakarta.inject.Inject;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The inbox benchmark of issue 23 ("one consumer draining 10k events"), a harness and not a test (its name ends in
 * Bench). In one JVM and one run, with the same kind of event (CustomerRegistered, applied by the customer replica):
 * (1) old: each record handed to the handler the way an {@code @Incoming} handler gets it (the interceptor's own
 * transaction and inbox row per record, InboxHandlers.deliver); (2) new, in process: the same number handed to
 * InboxBatches in polls of 500 (one transaction and one inbox insert per poll); (3) new, through Kafka: accounting's
 * batch channel paused, the events produced to sales.customers, the channel resumed, timed until the replica holds them
 * all. (1) and (2) leave Kafka out, so their ratio is the inbox's own; (3) is the figure. Figures with the load
 * average go to {@code target/bench-results.txt}.
 *
 * <pre>
 * ./mvnw -Dmaven.repo.local=&lt;repo&gt; -pl accounting-service -am verify -Dtest=InboxBench \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dbench.inbox-events=10000
 * </pre>
 */
@QuarkusTest
class InboxBench {

    private static final String TOPIC = "sales.customers";
    private static final String CONSUMER = "accounting-service/CustomerReplicaHandler.on";
    private static final int POLL = 500;

    @Inject
    InboxHandlers handlers;

    @Inject
    InboxBatches batches;

    @Inject
    SalesEvents sales;

    @Inject
    ObjectMapper json;

    @Inject
    KafkaClientService clients;

    @Inject
    MeterRegistry meters;

    @Test
    void draining_events_through_the_inbox_old_and_new() throws Exception {
        int n = Integer.getInteger("bench.inbox-events", 10_000);
        List<String> lines = new ArrayList<>();
        lines.add(report("inbox bench " + System.getProperty("bench.label", "?") + ", " + n + " events"));

        // Warm-up of both paths (JIT, connection pool, Hibernate), not measured.
        onePerTransaction(records("warm-old", 1_000));
        polls(records("warm-new", 1_000));

        List<ConsumerRecord<String, String>> old = records("old", n);
        long start = System.nanoTime();
        onePerTransaction(old);
        lines.add(report(rate("old: one transaction per event (@Incoming path, no Kafka)", n, start)));
        assertThat(replicated("old")).isEqualTo(n);

        List<ConsumerRecord<String, String>> batched = records("new", n);
        start = System.nanoTime();
        polls(batched);
        lines.add(report(rate("new: one transaction per poll of " + POLL + " (batch path, no Kafka)", n, start)));
        assertThat(replicated("new")).isEqualTo(n);

        lines.add(report(throughKafka(n)));
        Path results = Path.of("target/bench-results.txt");
        Files.writeString(
                results,
                String.join("\n", lines) + "\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    private void onePerTransaction(List<ConsumerRecord<String, String>> records) {
        for (ConsumerRecord<String, String> record : records) {
            handlers.deliver(CONSUMER, IncomingEvent.of(record, json));
        }
    }

    private void polls(List<ConsumerRecord<String, String>> records) {
        TopicPartition partition = new TopicPartition(TOPIC, 0);
        for (int from = 0; from < records.size(); from += POLL) {
            List<ConsumerRecord<String, String>> poll = records.subList(from, Math.min(records.size(), from + POLL));
            batches.apply(new ConsumerRecords<>(Map.of(partition, poll), Map.of()));
        }
    }

    private String throughKafka(int n) throws Exception {
        KafkaConsumer<Object, Object> channel = clients.getConsumer("accounting-events");
        while (channel.getAssignments().await().atMost(Duration.ofSeconds(10)).isEmpty()) {
            Thread.sleep(100);
        }
        channel.pause().await().atMost(Duration.ofSeconds(10));
        Map<String, Object> config = new HashMap<>(TestInfra.kafkaClient(KafkaAccess.ADMIN));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            for (ConsumerRecord<String, String> record : records("kafka", n)) {
                ProducerRecord<String, String> out = new ProducerRecord<>(TOPIC, record.key(), record.value());
                record.headers().forEach(h -> out.headers().add(h));
                producer.send(out);
            }
            producer.flush();
        }
        DistributionSummary polls = meters.summary("kontor.inbox.batch.records");
        long pollsBefore = polls.count();
        long start = System.nanoTime();
        channel.resume().await().atMost(Duration.ofSeconds(10));
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (replicated("kafka") < n && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(replicated("kafka")).isEqualTo(n);
        String rate = rate("new: accounting's batch channel draining sales.customers (Kafka, one consumer)", n, start);
        // The polls of the drain (the summary also counts the in-process polls above, and other topics' polls).
        return rate + String.format(", %d polls", polls.count() - pollsBefore);
    }

    private List<ConsumerRecord<String, String>> records(String run, int n) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            UUID customerId = UUID.randomUUID();
            CustomerRegistered registered = SalesEvents.registered(customerId, "bench-" + run + "-" + i, 14);
            RecordHeaders headers = new RecordHeaders();
            SalesEvents.headers(
                            CustomerRegistered.TYPE, UUID.randomUUID().toString(), customerId.toString(), Instant.now())
                    .forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
            records.add(new ConsumerRecord<>(
                    TOPIC,
                    0,
                    i,
                    System.currentTimeMillis(),
                    TimestampType.CREATE_TIME,
                    -1,
                    -1,
                    customerId.toString(),
                    sales.toJson(registered),
                    headers,
                    Optional.empty()));
        }
        return records;
    }

    private static long replicated(String run) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) Panache.getEntityManager()
                                .createNativeQuery("select count(*) from customer where name like ?1")
                                .setParameter(1, "bench-" + run + "-%")
                                .getSingleResult())
                        .longValue());
    }

    private static String rate(String what, int n, long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        return String.format("%s: %d events in %.2f s = %.0f events/s", what, n, seconds, n / seconds);
    }

    private static String report(String line) throws IOException {
        String withLoad = line + " (load "
                + ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() + ", " + uptime() + ")";
        System.out.println("BENCH " + withLoad);
        return withLoad;
    }

    private static String uptime() throws IOException {
        try {
            Process process =
                    new ProcessBuilder("uptime").redirectErrorStream(true).start();
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "uptime: " + e.getMessage();
        }
    }
}
