package io.kontor.gateway.events;

import io.kontor.platform.events.CloudEventHeaders;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Reads every domain topic from its end and hands each CloudEvent to the {@link EventWindow}. A plain Kafka consumer on
 * its own thread rather than a SmallRye channel: it needs all partitions of all topics, in a consumer group of its own
 * per gateway instance (every replica serves its own clients, so every replica must see every event), never commits and
 * never moves a record to a dead-letter topic - the stream shows what happens, it does not process it.
 */
@ApplicationScoped
public class KafkaEventFeed {

    private static final Logger LOG = Logger.getLogger(KafkaEventFeed.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final String KAFKA_PREFIX = "kafka.";
    // The gateway's KafkaUser may read groups with this prefix only (kafka-access.properties).
    static final String GROUP_PREFIX = "gateway-stream-";

    private final EventsConfig config;
    private final Map<String, Object> kafkaClientConfig;
    private final EventWindow window;
    private volatile boolean running;
    private volatile boolean assigned;
    private volatile boolean joined;
    private volatile KafkaConsumer<String, String> consumer;
    private Thread thread;

    KafkaEventFeed(EventsConfig config, Config all) {
        this.config = config;
        this.kafkaClientConfig = kafkaClientConfig(all);
        this.window = new EventWindow(config.windowSize());
    }

    /**
     * Every {@code kafka.*} setting without its prefix, as the services' Kafka connector takes them: bootstrap servers,
     * security protocol, SASL login and trust store come from the same keys everywhere.
     */
    static Map<String, Object> kafkaClientConfig(Config all) {
        Map<String, Object> settings = new HashMap<>();
        for (String name : all.getPropertyNames()) {
            if (name.startsWith(KAFKA_PREFIX)) {
                all.getOptionalValue(name, String.class)
                        .ifPresent(value -> settings.put(name.substring(KAFKA_PREFIX.length()), value));
            }
        }
        return settings;
    }

    @Produces
    @Singleton
    EventWindow window() {
        return window;
    }

    void start(@Observes StartupEvent ignored) {
        if (!config.enabled()) {
            LOG.info("live event stream without Kafka (kontor.gateway.events.enabled=false)");
            return;
        }
        running = true;
        thread = new Thread(this::run, "kontor-event-feed");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent ignored) throws InterruptedException {
        running = false;
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            thread.join(Duration.ofSeconds(5).toMillis());
        }
    }

    /**
     * Whether the feed has been given its partitions once since the start (or runs without Kafka): readiness. Sticky,
     * as the services' consumers are: a later rebalance or broker outage does not take the gateway out of service.
     */
    public boolean joinedOrDisabled() {
        return joined || !config.enabled();
    }

    /** Whether the feed holds its partitions and their end positions: from now on no event passes unseen. */
    public boolean assigned() {
        return assigned;
    }

    private void run() {
        Map<String, Object> settings = new HashMap<>(kafkaClientConfig);
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP_PREFIX + UUID.randomUUID());
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "kontor-gateway-stream");
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(settings)) {
            consumer = kafka;
            kafka.subscribe(config.topics(), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    assigned = false;
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    // Fix the start positions now: an event published after this point is seen, none before.
                    partitions.forEach(kafka::position);
                    assigned = !partitions.isEmpty();
                    joined = true;
                }
            });
            while (running) {
                try {
                    kafka.poll(POLL).forEach(this::pass);
                } catch (WakeupException e) {
                    break;
                } catch (RuntimeException e) {
                    LOG.warnf("live event stream: reading Kafka failed, trying again: %s", e.toString());
                    sleepQuietly();
                }
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "live event stream stopped");
        } finally {
            assigned = false;
        }
    }

    private void pass(ConsumerRecord<String, String> record) {
        String id = header(record, CloudEventHeaders.ID);
        String type = header(record, CloudEventHeaders.TYPE);
        if (id == null || type == null || record.value() == null) {
            return; // not a CloudEvent: nothing a client could make sense of
        }
        window.publish(new StreamedEvent(
                id,
                type,
                header(record, CloudEventHeaders.SOURCE),
                header(record, CloudEventHeaders.SUBJECT),
                header(record, CloudEventHeaders.TIME),
                record.value()));
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
