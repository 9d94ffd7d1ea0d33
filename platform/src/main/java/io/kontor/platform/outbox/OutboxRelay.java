package io.kontor.platform.outbox;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.config.SmallRyeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Moves committed outbox rows to Kafka, oldest first, and deletes them once the broker acknowledged them.
 *
 * <p>Order per aggregate: a row's lane is a function of its record key, and a relay publishes a lane only while it
 * holds that lane's row in {@code outbox_lane} locked ({@code FOR UPDATE SKIP LOCKED}). Several replicas therefore
 * share the lanes without ever publishing the same aggregate concurrently, and a replica that dies releases its lanes
 * with its connection. Within a lane rows go out in id order through an idempotent producer with {@code acks=all} and
 * one request in flight, so Kafka keeps them in that order per partition.
 *
 * <p>A send that fails for good (its delivery timeout ran out while the broker was away) must not let a later event of
 * the same aggregate overtake it: the producer would go on to send the batches queued behind the failed one. So the
 * first failure closes the producer at once from its callback, which fails everything still queued, and the next round
 * starts a new producer with the failed row first. Rows are deleted only as an unbroken prefix per record key.
 *
 * <p>Delivery is at least once: a crash between the broker's acknowledgement and the delete sends a row again, with the
 * same {@code ce_id}, and consumers drop the repeat through their inbox.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    @Inject
    OutboxConfig config;

    @Inject
    MeterRegistry meters;

    /**
     * Every {@code kafka.*} setting of the service (bootstrap servers, TLS, SASL), as the Kafka connector sees them.
     */
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaClientConfig;

    @ConfigProperty(name = "quarkus.application.name")
    String serviceName;

    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private volatile Thread worker;
    private volatile KafkaProducer<String, byte[]> producer;
    private volatile String lastError;
    private volatile Instant lastErrorAt;

    void start(@Observes StartupEvent startup) {
        OutboxMode.requireAllowed(
                config.mode(),
                ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getProfiles());
        if (config.mode() == OutboxMode.DUAL_WRITE_FOR_BENCHMARK_ONLY) {
            LOG.warn(
                    "kontor.outbox.mode=dual-write-for-benchmark-only: events are sent without the outbox and may be lost;"
                            + " this service is running for a benchmark, not for real data");
        }
        Gauge.builder("kontor.outbox.backlog", this, OutboxRelay::backlogOrNaN)
                .description("Outbox rows committed but not yet acknowledged by Kafka")
                .register(meters);
        if (!config.relayEnabled()) {
            LOG.info("Outbox relay is disabled (kontor.outbox.relay-enabled=false)");
            return;
        }
        producer = newProducer();
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        Thread current = worker;
        if (current != null) {
            wakeUps.release();
            current.join(Duration.ofSeconds(10).toMillis());
        }
        KafkaProducer<String, byte[]> sender = producer;
        if (sender != null) {
            sender.close(Duration.ofSeconds(5));
        }
    }

    private KafkaProducer<String, byte[]> newProducer() {
        return new KafkaProducer<>(producerProperties(), new StringSerializer(), new ByteArraySerializer());
    }

    /** Called after a transaction that wrote to the outbox committed, so events leave within milliseconds. */
    void wakeUp() {
        wakeUps.release();
    }

    /**
     * The dual write of {@link OutboxMode#DUAL_WRITE_FOR_BENCHMARK_ONLY}: sends at once, a failure only logs the lost
     * event.
     */
    void sendWithoutOutbox(String topic, String key, Map<String, String> headers, String payload) {
        KafkaProducer<String, byte[]> current = producer;
        if (current == null) {
            LOG.errorf(
                    "Dual write without a producer (relay disabled, or closed by a failed send until the next round): event for %s on %s lost",
                    key, topic);
            return;
        }
        current.send(new OutboxRow(0, topic, key, headers, payload).toRecord(), (metadata, failure) -> {
            if (failure != null) {
                LOG.errorf("Dual write failed, event for %s on %s lost: %s", key, topic, failure.toString());
            }
        });
    }

    public boolean isRunning() {
        Thread current = worker;
        return running && current != null && current.isAlive();
    }

    public String lastError() {
        return lastError;
    }

    public Instant lastErrorAt() {
        return lastErrorAt;
    }

    /** Rows waiting for Kafka. */
    public long backlog() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement("select count(*) from outbox");
                ResultSet result = count.executeQuery()) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the outbox backlog", e);
        }
    }

    private double backlogOrNaN() {
        try {
            return backlog();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private void run() {
        long backoffMillis = 0;
        while (running) {
            try {
                int published = publishBatch();
                backoffMillis = 0;
                if (published < config.batchSize()) {
                    wakeUps.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                backoffMillis = Math.min(config.maxBackoff().toMillis(), Math.max(100, backoffMillis * 2));
                recordFailure(e, backoffMillis);
                try {
                    Thread.sleep(backoffMillis);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void recordFailure(Exception e, long backoffMillis) {
        String message = e.getClass().getSimpleName() + ": " + e.getMessage();
        if (!message.equals(lastError)) {
            LOG.warnf(
                    "Outbox relay cannot publish (%s); retrying, backing off up to %d ms",
                    message, config.maxBackoff().toMillis());
        } else {
            LOG.debugf("Outbox relay still failing, next try in %d ms", backoffMillis);
        }
        lastError = message;
        lastErrorAt = Instant.now();
    }

    /** Publishes up to one batch from the lanes this replica can claim; returns how many rows it looked at. */
    int publishBatch() throws SQLException, InterruptedException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<Integer> lanes = claimFreeLanes(connection);
                List<OutboxRow> rows = lanes.isEmpty() ? List.of() : pendingRows(connection, lanes);
                if (rows.isEmpty()) {
                    connection.commit();
                    return 0;
                }
                Delivery delivery = send(rows);
                delete(connection, delivery.acknowledged());
                connection.commit();
                if (delivery.failure() != null) {
                    throw new IllegalStateException(
                            "Kafka did not acknowledge "
                                    + (rows.size() - delivery.acknowledged().size()) + " of " + rows.size() + " events",
                            delivery.failure());
                }
                lastError = null;
                return rows.size();
            } catch (SQLException | RuntimeException | InterruptedException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private List<Integer> claimFreeLanes(Connection connection) throws SQLException {
        List<Integer> lanes = new ArrayList<>();
        try (PreparedStatement claim = connection.prepareStatement(
                        "select lane from outbox_lane order by lane for update skip locked");
                ResultSet result = claim.executeQuery()) {
            while (result.next()) {
                lanes.add(result.getInt(1));
            }
        }
        return lanes;
    }

    private List<OutboxRow> pendingRows(Connection connection, List<Integer> lanes) throws SQLException {
        List<OutboxRow> rows = new ArrayList<>();
        String sql =
                "select id, topic, record_key, headers, payload from outbox where lane = any(?) order by id limit ?";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setArray(1, connection.createArrayOf("integer", lanes.toArray()));
            select.setInt(2, config.batchSize());
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new OutboxRow(
                            result.getLong(1),
                            result.getString(2),
                            result.getString(3),
                            parseHeaders(result.getString(4)),
                            result.getString(5)));
                }
            }
        }
        return rows;
    }

    private Map<String, String> parseHeaders(String headers) {
        try {
            return json.readValue(headers, HEADERS);
        } catch (Exception e) {
            throw new IllegalStateException("outbox row with unreadable headers: " + headers, e);
        }
    }

    private Delivery send(List<OutboxRow> rows) throws InterruptedException {
        KafkaProducer<String, byte[]> sender = producer;
        if (sender == null) {
            sender = newProducer();
            producer = sender;
        }
        KafkaProducer<String, byte[]> closeOnFailure = sender;
        AtomicBoolean failed = new AtomicBoolean();
        List<Future<RecordMetadata>> sends = new ArrayList<>(rows.size());
        Exception failure = null;
        for (OutboxRow row : rows) {
            try {
                sends.add(sender.send(row.toRecord(), (metadata, error) -> {
                    if (error != null && failed.compareAndSet(false, true)) {
                        // From the callback close(0) is what Kafka allows: nothing queued behind this row goes out.
                        closeOnFailure.close(Duration.ZERO);
                    }
                }));
            } catch (RuntimeException e) {
                // send() throws when it cannot even get metadata (broker down) or the producer was closed by a failure.
                failure = e;
                break;
            }
        }
        sender.flush();
        Set<String> keysWithFailure = new HashSet<>();
        List<Long> acknowledged = new ArrayList<>(sends.size());
        for (int i = 0; i < sends.size(); i++) {
            OutboxRow row = rows.get(i);
            try {
                sends.get(i).get();
                if (!keysWithFailure.contains(row.key())) {
                    acknowledged.add(row.id());
                }
            } catch (ExecutionException e) {
                keysWithFailure.add(row.key());
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            sender.close(Duration.ZERO);
            producer = null;
        }
        return new Delivery(acknowledged, failure);
    }

    private void delete(Connection connection, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement("delete from outbox where id = any(?)")) {
            Array array = connection.createArrayOf("bigint", ids.toArray());
            delete.setArray(1, array);
            delete.executeUpdate();
        }
    }

    private Properties producerProperties() {
        Properties properties = new Properties();
        // The same connection settings as the service's consumers, so a TLS/SCRAM cluster needs no second config.
        kafkaClientConfig.forEach((name, value) -> {
            if (ProducerConfig.configNames().contains(name) || name.startsWith("sasl.") || name.startsWith("ssl.")) {
                properties.put(name, value);
            }
        });
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, serviceName + "-outbox-relay");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        int deliveryTimeout = (int) config.deliveryTimeout().toMillis();
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, deliveryTimeout);
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1000, deliveryTimeout - 10));
        properties.put(
                ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) config.maxBlock().toMillis());
        properties.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        return properties;
    }

    private record OutboxRow(long id, String topic, String key, Map<String, String> headers, String payload) {

        ProducerRecord<String, byte[]> toRecord() {
            ProducerRecord<String, byte[]> record =
                    new ProducerRecord<>(topic, key, payload == null ? null : payload.getBytes(StandardCharsets.UTF_8));
            headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
            return record;
        }
    }

    private record Delivery(List<Long> acknowledged, Exception failure) {}
}
