package io.kontor.platform.outbox;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.kontor.platform.events.CloudEventHeaders;
import io.kontor.platform.tracing.EventTracing;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
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
 * <p>A row that Kafka refuses for good ({@link SendFailure}: too large, topic not authorised, invalid, or unknown for
 * longer than {@code kontor.outbox.unknown-topic-grace}) would block its lane forever. It is moved to
 * {@code outbox_parked} in the transaction that deletes the acknowledged rows, and the relay goes on. Rows whose key
 * has a parked row are not even read: they wait in the outbox, in order, until an admin retries the parked row (it goes
 * back under its old id, so ahead of them) or discards it ({@link ParkedOutbox}).
 *
 * <p>Delivery is at least once: a crash between the broker's acknowledgement and the delete sends a row again, with the
 * same {@code ce_id}, and consumers drop the repeat through their inbox.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};
    /** Below this span of ids the backlog is counted exactly. */
    static final long EXACT_BACKLOG_BELOW = 10_000;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    @Inject
    OutboxConfig config;

    @Inject
    MeterRegistry meters;

    @Inject
    ParkedOutbox parked;

    @Inject
    Clock clock;

    @Inject
    EventTracing tracing;

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
    private volatile Admin admin;
    // Set by a failed round for the next one (relay thread only); see firstRowOfKey.
    private Long isolateNext;
    private volatile String lastError;
    private volatile Instant lastErrorAt;
    private final SendFailure.UnknownTopics unknownTopics = new SendFailure.UnknownTopics();
    // Failed tries per row since this relay started, for the parked row's attempts; only the relay thread writes it.
    private final Map<Long, Integer> tries = new HashMap<>();

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
        Gauge.builder("kontor.outbox.parked", parked, ParkedOutbox::countOrNaN)
                .description("Outbox rows Kafka refused for good, waiting for an admin to retry or discard them")
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
        Admin topics = admin;
        if (topics != null) {
            topics.close(Duration.ofSeconds(5));
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

    /**
     * Rows waiting for Kafka, as an estimate that costs two index lookups however long the outbox is: the span of the
     * ids still present (ids are a sequence and rows leave roughly oldest first). It counts the gaps that rolled back
     * transactions and rows already sent out of order leave, so it is an upper bound; a span up to
     * {@link #EXACT_BACKLOG_BELOW} rows is counted exactly, which is what readiness and tests look at when the outbox
     * is nearly empty. Readiness probes and metric scrapes call this every few seconds, and {@code count(*)} over a
     * large backlog would scan it every time, just when the database has the most to do.
     */
    public long backlog() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement span =
                        connection.prepareStatement("select coalesce(max(id) - min(id) + 1, 0) from outbox");
                ResultSet result = span.executeQuery()) {
            result.next();
            long estimate = result.getLong(1);
            if (estimate > EXACT_BACKLOG_BELOW) {
                return estimate;
            }
            try (PreparedStatement count = connection.prepareStatement("select count(*) from outbox");
                    ResultSet counted = count.executeQuery()) {
                counted.next();
                return counted.getLong(1);
            }
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
                // A round claims only some lanes (claimLanes): after one that found rows, the next goes on at once
                // with the lanes whose rows are oldest, and only a round that found nothing waits.
                if (published == 0) {
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
        lastErrorAt = Instant.now(clock);
    }

    /** Publishes up to one batch from the lanes this replica can claim; returns how many rows it looked at. */
    int publishBatch() throws SQLException, InterruptedException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<Integer> lanes = claimLanes(connection);
                Long suspect = isolateNext;
                isolateNext = null;
                List<OutboxRow> rows = lanes.isEmpty()
                        ? List.of()
                        : suspect != null ? firstRowOfKey(connection, lanes, suspect) : List.of();
                if (rows.isEmpty() && !lanes.isEmpty()) {
                    rows = pendingRows(connection, lanes);
                }
                if (rows.isEmpty()) {
                    connection.commit();
                    return 0;
                }
                Delivery delivery = send(rows);
                delete(connection, delivery.acknowledged());
                Instant now = Instant.now(clock);
                for (Parking parking : delivery.parked()) {
                    ParkedOutbox.park(connection, parking.row().id(), parking.error(), parking.attempts(), now);
                }
                connection.commit();
                forget(delivery);
                for (Parking parking : delivery.parked()) {
                    OutboxRow row = parking.row();
                    LOG.errorf(
                            "Outbox row %d (%s for %s on %s) parked after %d attempt(s): %s. Later events of key %s wait"
                                    + " until an admin retries or discards it (/admin/outbox/parked)",
                            row.id(),
                            row.headers().get(CloudEventHeaders.TYPE),
                            row.key(),
                            row.topic(),
                            parking.attempts(),
                            parking.error(),
                            row.key());
                }
                // After a park the other failures are most likely rows the closed producer took along: they go out in
                // the next round at once, and a real outage shows there.
                if (delivery.failure() != null && delivery.parked().isEmpty()) {
                    isolateNext = delivery.firstFailed();
                    throw new IllegalStateException(
                            "Kafka did not acknowledge "
                                    + (rows.size() - delivery.acknowledged().size())
                                    + " of " + rows.size() + " events",
                            delivery.failure());
                }
                if (!delivery.parked().isEmpty()) {
                    wakeUp();
                }
                lastError = null;
                return rows.size();
            } catch (SQLException | RuntimeException | InterruptedException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private void forget(Delivery delivery) {
        delivery.acknowledged().forEach(tries::remove);
        delivery.parked().forEach(parking -> tries.remove(parking.row().id()));
        if (tries.size() > 10_000) {
            // Rows that another replica delivered in the meantime; the count only makes a parked row's report nicer.
            tries.clear();
        }
    }

    /**
     * Claims up to {@code kontor.outbox.lanes-per-claim} of the lanes that have rows, those with the oldest row first,
     * and skips lanes another replica holds. Claiming every free lane (as before) left a second replica nothing to do
     * while the first was sending; with a subset the replicas share the lanes, each sending its own at once, and a lane
     * held by a slow round does not hold up the others. Oldest first keeps every lane served: a lane just emptied goes
     * to the back. Rows held behind a parked row do not count, or lanes full of them would starve the others.
     */
    List<Integer> claimLanes(Connection connection) throws SQLException {
        List<Integer> lanes = new ArrayList<>();
        String sql = "select l.lane from outbox_lane l"
                + " join lateral (select o.id as oldest from outbox o where o.lane = l.lane"
                + " and not exists (select 1 from outbox_parked p where p.record_key = o.record_key)"
                + " order by o.id limit 1) o on true"
                + " order by o.oldest limit ? for update of l skip locked";
        try (PreparedStatement claim = connection.prepareStatement(sql)) {
            claim.setInt(1, config.lanesPerClaim());
            try (ResultSet result = claim.executeQuery()) {
                while (result.next()) {
                    lanes.add(result.getInt(1));
                }
            }
        }
        return lanes;
    }

    private List<OutboxRow> pendingRows(Connection connection, List<Integer> lanes) throws SQLException {
        // A key with a parked row waits behind it: none of its rows may overtake the parked one.
        String sql = "select id, topic, record_key, headers, payload from outbox o where lane = any(?)"
                + " and not exists (select 1 from outbox_parked p where p.record_key = o.record_key)"
                + " order by id limit ?";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setArray(1, connection.createArrayOf("integer", lanes.toArray()));
            select.setInt(2, config.batchSize());
            return rows(select);
        }
    }

    private List<OutboxRow> rows(PreparedStatement select) throws SQLException {
        List<OutboxRow> rows = new ArrayList<>();
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
        return rows;
    }

    /**
     * The oldest pending row of the key whose row failed first in the last round, as a batch of its own. A record over
     * its topic's {@code max.message.bytes} but under the producer's {@code batch.size} shares a batch with others; the
     * producer splits that batch on MESSAGE_TOO_LARGE into the same batch again until the delivery timeout, a timeout
     * that looks transient. Alone, the broker refuses it with RecordTooLargeException and it is parked.
     */
    private List<OutboxRow> firstRowOfKey(Connection connection, List<Integer> lanes, long failedId)
            throws SQLException {
        String sql = "select id, topic, record_key, headers, payload from outbox o where lane = any(?)"
                + " and not exists (select 1 from outbox_parked p where p.record_key = o.record_key)"
                + " and (o.id = ? or o.record_key = (select record_key from outbox where id = ?))"
                + " order by id limit 1";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setArray(1, connection.createArrayOf("integer", lanes.toArray()));
            select.setLong(2, failedId);
            select.setLong(3, failedId);
            return rows(select);
        }
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
        // Each row's outcome from its callback: TRUE or the exception. Not Future.get(): a batch the producer splits
        // again and again (a record over the topic's limit in a batch with others) chains its futures deep enough for
        // get() to overflow the stack.
        AtomicReferenceArray<Object> outcomes = new AtomicReferenceArray<>(rows.size());
        AtomicInteger firstFailure = new AtomicInteger(-1);
        int sent = 0;
        Exception thrown = null;
        for (OutboxRow row : rows) {
            int index = sent;
            EventTracing.Sending sending = tracing.sending(row.topic(), row.headers());
            try {
                sender.send(row.toRecord(sending.headers()), (metadata, error) -> {
                    sending.ended(error);
                    outcomes.set(index, error == null ? Boolean.TRUE : error);
                    if (error != null && failed.compareAndSet(false, true)) {
                        firstFailure.set(index);
                        // From the callback close(0) is what Kafka allows: nothing queued behind this row goes out.
                        closeOnFailure.close(Duration.ZERO);
                    }
                });
                sent++;
            } catch (RuntimeException e) {
                // send() throws when the producer was closed by a failure, or for a record it cannot serialise.
                sending.ended(e);
                thrown = e;
                break;
            }
        }
        // Returns once every record sent is acknowledged or failed, and its callback has run.
        sender.flush();
        Set<String> keysWithFailure = new HashSet<>();
        Map<String, SendFailure.TopicState> topicStates = new HashMap<>();
        // A topic Kafka refuses as a whole would refuse every row for it; the closed producer did not even try the
        // others, and parking them in this round spares a producer per key.
        Map<String, String> refusedTopics = new HashMap<>();
        List<Long> acknowledged = new ArrayList<>(sent);
        List<Parking> parkings = new ArrayList<>();
        Exception failure = null;
        for (int i = 0; i < rows.size() && i <= sent; i++) {
            OutboxRow row = rows.get(i);
            Exception error;
            if (i < sent) {
                Object outcome = outcomes.get(i);
                if (outcome == Boolean.TRUE) {
                    if (!keysWithFailure.contains(row.key())) {
                        acknowledged.add(row.id());
                        unknownTopics.delivered(row.topic());
                    }
                    continue;
                }
                error = outcome instanceof Exception e
                        ? e
                        : new IllegalStateException(
                                "the producer flushed without an answer for outbox row " + row.id());
            } else if (thrown != null) {
                error = thrown;
            } else {
                break;
            }
            // Only a key's first failure can be its own; its later rows fail because the producer was closed for it.
            if (keysWithFailure.add(row.key())) {
                int attempts = tries.merge(row.id(), 1, Integer::sum);
                String refusal = refusedTopics.get(row.topic());
                if (refusal == null && isForGood(row, error, topicStates)) {
                    refusal = parkingReason(
                            row,
                            error,
                            SendFailure.classify(error) == SendFailure.Kind.TOPIC_MISSING_OR_BROKER_AWAY
                                    ? topicStates.get(row.topic())
                                    : null);
                    if (SendFailure.concernsTopic(error)) {
                        refusedTopics.put(row.topic(), refusal);
                    }
                }
                if (refusal != null) {
                    parkings.add(new Parking(row, refusal, attempts));
                    continue;
                }
            }
            failure = failure == null ? error : failure;
        }
        if (failure != null || !parkings.isEmpty()) {
            sender.close(Duration.ZERO);
            producer = null;
        }
        int first = firstFailure.get() >= 0 ? firstFailure.get() : sent;
        Long firstFailed =
                failure != null && first < rows.size() ? rows.get(first).id() : null;
        return new Delivery(acknowledged, parkings, failure, firstFailed);
    }

    private boolean isForGood(OutboxRow row, Exception error, Map<String, SendFailure.TopicState> topicStates) {
        return switch (SendFailure.classify(error)) {
            case PERMANENT -> true;
            case TRANSIENT -> false;
            case TOPIC_MISSING_OR_BROKER_AWAY ->
                unknownTopics.answered(
                        row.topic(),
                        topicStates.computeIfAbsent(row.topic(), this::askBrokerAbout),
                        Instant.now(clock),
                        config.unknownTopicGrace());
        };
    }

    private String parkingReason(OutboxRow row, Exception error, SendFailure.TopicState brokerSays) {
        if (brokerSays == SendFailure.TopicState.UNKNOWN) {
            return "topic " + row.topic() + " does not exist (the broker says so since "
                    + unknownTopics.unknownSince(row.topic()) + "): " + SendFailure.describe(error);
        }
        if (brokerSays == SendFailure.TopicState.REFUSED) {
            return "the broker refuses to describe topic " + row.topic() + " (not authorised, or an invalid name): "
                    + SendFailure.describe(error);
        }
        return SendFailure.describe(error);
    }

    /**
     * The producer cannot tell a missing topic from an absent broker (both are a metadata timeout), so the relay asks
     * the broker. A broker that creates topics on demand never answers UNKNOWN here: the producer's request created it.
     */
    private SendFailure.TopicState askBrokerAbout(String topic) {
        try {
            admin().describeTopics(List.of(topic))
                    .allTopicNames()
                    .get(config.maxBlock().toMillis(), TimeUnit.MILLISECONDS);
            return SendFailure.TopicState.EXISTS;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UnknownTopicOrPartitionException) {
                return SendFailure.TopicState.UNKNOWN;
            }
            if (cause instanceof TopicAuthorizationException || cause instanceof InvalidTopicException) {
                return SendFailure.TopicState.REFUSED;
            }
            return SendFailure.TopicState.NO_ANSWER;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendFailure.TopicState.NO_ANSWER;
        } catch (java.util.concurrent.TimeoutException | RuntimeException e) {
            return SendFailure.TopicState.NO_ANSWER;
        }
    }

    private Admin admin() {
        Admin current = admin;
        if (current == null) {
            Properties properties = new Properties();
            kafkaClientConfig.forEach((name, value) -> {
                if (AdminClientConfig.configNames().contains(name)
                        || name.startsWith("sasl.")
                        || name.startsWith("ssl.")) {
                    properties.put(name, value);
                }
            });
            properties.put(AdminClientConfig.CLIENT_ID_CONFIG, serviceName + "-outbox-relay-admin");
            int timeout = (int) config.maxBlock().toMillis();
            properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout);
            properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout);
            properties.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
            current = Admin.create(properties);
            admin = current;
        }
        return current;
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
        // A round sends up to kontor.outbox.batch-size rows at once: batches of 256 KB (Kafka's default is 16 KB) carry
        // them in a few requests, and lz4 shrinks the JSON several times for little CPU, on the wire and on the broker.
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, config.producerBatchBytes());
        properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, config.compression());
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
            return toRecord(headers);
        }

        ProducerRecord<String, byte[]> toRecord(Map<String, String> headers) {
            ProducerRecord<String, byte[]> record =
                    new ProducerRecord<>(topic, key, payload == null ? null : payload.getBytes(StandardCharsets.UTF_8));
            headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
            return record;
        }
    }

    private record Parking(OutboxRow row, String error, int attempts) {}

    /** @param firstFailed the row whose failure closed the producer, when the round failed */
    private record Delivery(List<Long> acknowledged, List<Parking> parked, Exception failure, Long firstFailed) {}
}
