package io.kontor.bench;

import io.kontor.devinfra.KafkaAccess;
import io.kontor.devinfra.KafkaBroker;
import io.kontor.local.App;
import io.kontor.local.AppProcess;
import io.kontor.local.LocalPlatform;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Events at volume (#23): how fast one relay (one replica of sales-backoffice-service) empties an outbox of N events,
 * how that compares with a raw producer on the same broker in the same run, and how fast one consumer (accounting's
 * inbox) drains them.
 *
 * <p>The events are written straight into sales' {@code outbox} table while its relay is off (sales restarted with
 * {@code kontor.outbox.relay-enabled=false}): CloudEvents of a type no service routes ({@code kontor.bench.noop.v1}) on
 * {@code sales.customers}, so every consumer takes them through its inbox (one inbox row each) and changes nothing
 * else. The relay is timed twice: first with the topic's consuming services stopped (accounting, process-service,
 * project-office-service), its own rate as on a node of its own; then, with a second batch, while all of them run and
 * take the events as they arrive, as the platform runs on this machine. Between the two, accounting is started alone
 * and its drain of the first batch is timed from its ready to its last inbox row of that batch.
 */
final class EventThroughput {

    static final String NOOP_TYPE = "kontor.bench.noop.v1";
    private static final String TOPIC = "sales.customers";
    private static final String RAW_TOPIC = "bench.raw-producer";
    private static final int LANES = 16;
    private static final Duration WAIT = Duration.ofMinutes(10);

    /**
     * @param relayAlone the relay while the topic's consumers were stopped: the replica's own rate, as on a node of its
     *     own
     * @param relayShared the relay while every consumer of the topic ran on the same cores, as the platform runs here
     */
    record Result(
            int events,
            int payloadBytes,
            Drain relayAlone,
            Drain relayShared,
            double rawPerSecond,
            double inboxPerSecond,
            Duration inboxTime,
            ProcessCpu.Usage rawCpu,
            ProcessCpu.Usage inboxCpu) {}

    private EventThroughput() {}

    static Result measure(LocalPlatform platform, int events) {
        ProcessCpu cpu = ProcessCpu.of(platform);
        String alone = UUID.randomUUID().toString().substring(0, 8);
        String shared = UUID.randomUUID().toString().substring(0, 8);
        AppProcess sales = platform.process("sales");
        AppProcess accounting = platform.process("accounting");
        // The other services consuming sales.customers; the gateway's event feed reads it too and keeps running.
        Map<AppProcess, App> otherConsumers = new LinkedHashMap<>();
        otherConsumers.put(platform.process("processes"), App.PROCESSES);
        otherConsumers.put(platform.process("projects"), App.PROJECTS);
        String payload = "{\"bench\":\"" + "x".repeat(400) + "\"}";

        sales.restart(Map.of("kontor.outbox.relay-enabled", "false"));
        accounting.stop();
        otherConsumers.keySet().forEach(AppProcess::stop);
        try (Connection salesDb = connect(platform, App.SALES)) {
            Drain relayAlone = fillAndDrain(sales, salesDb, alone, events, payload, cpu);

            ProcessCpu.Snapshot rawBefore = cpu.snapshot();
            double raw = rawProducer(platform.kafka(), events, payload.length());
            ProcessCpu.Usage rawCpu = cpu.snapshot().since(rawBefore);

            accounting.start();
            ProcessCpu.Snapshot inboxBefore = cpu.snapshot();
            long drainStarted = System.nanoTime();
            awaitInbox(platform, App.ACCOUNTING, alone, events);
            Duration inboxTime = Duration.ofNanos(System.nanoTime() - drainStarted);
            ProcessCpu.Usage inboxCpu = cpu.snapshot().since(inboxBefore);

            // Once more with every consumer of the topic running and caught up, taking the events as they arrive.
            for (Map.Entry<AppProcess, App> consumer : otherConsumers.entrySet()) {
                consumer.getKey().start();
                awaitInbox(platform, consumer.getValue(), alone, events);
            }
            sales.restart(Map.of("kontor.outbox.relay-enabled", "false"));
            Drain relayShared = fillAndDrain(sales, salesDb, shared, events, payload, cpu);
            // Caught up before the next section, which restarts each application and times it.
            awaitInbox(platform, App.ACCOUNTING, shared, events);
            for (App consumer : otherConsumers.values()) {
                awaitInbox(platform, consumer, shared, events);
            }
            return new Result(
                    events,
                    payload.length(),
                    relayAlone,
                    relayShared,
                    raw,
                    events / seconds(inboxTime),
                    inboxTime,
                    rawCpu,
                    inboxCpu);
        } catch (SQLException e) {
            throw new IllegalStateException("event benchmark: " + e.getMessage(), e);
        } finally {
            accounting.start();
            otherConsumers.keySet().forEach(AppProcess::start);
        }
    }

    /**
     * Fills sales' outbox while its relay is off, restarts sales with the relay on and times the drain. The relay
     * starts sending while sales is still starting, so the clock runs from the first acknowledged round (the first drop
     * of the count) to the empty outbox, over the rows left at that drop: the first round's rows are not counted, the
     * cold JVM's next rounds are.
     */
    private static Drain fillAndDrain(
            AppProcess sales, Connection salesDb, String run, int events, String payload, ProcessCpu cpu)
            throws SQLException {
        fill(salesDb, run, events, payload);
        long[] ids = idRange(salesDb, run);
        CompletableFuture<Void> restart = CompletableFuture.runAsync(() -> sales.restart(Map.of()));
        Drain drain = awaitDrain(salesDb, ids, events, cpu);
        restart.join();
        return drain;
    }

    private static void awaitInbox(LocalPlatform platform, App app, String run, int events) throws SQLException {
        try (Connection db = connect(platform, app)) {
            awaitCount(db, "select count(*) from inbox where event_id like ?", run + "-%", events);
        }
    }

    /**
     * What the outbox would hold after {@code events} publishing transactions: one row each, keys spread over lanes.
     */
    private static void fill(Connection db, String run, int events, String payload) throws SQLException {
        String sql = "insert into outbox (lane, topic, record_key, headers, payload, created_at)"
                + " values (?, ?, ?, ?::jsonb, ?, ?)";
        db.setAutoCommit(false);
        try (PreparedStatement insert = db.prepareStatement(sql)) {
            Timestamp now = Timestamp.from(Instant.now());
            for (int i = 0; i < events; i++) {
                String key = run + "-key-" + (i % 1000);
                String id = run + "-" + i;
                insert.setInt(1, Math.floorMod(key.hashCode(), LANES));
                insert.setString(2, TOPIC);
                insert.setString(3, key);
                insert.setString(
                        4,
                        "{\"ce_specversion\":\"1.0\",\"ce_id\":\"" + id + "\",\"ce_type\":\"" + NOOP_TYPE
                                + "\",\"ce_source\":\"/bench\",\"ce_time\":\"" + now.toInstant()
                                + "\",\"content-type\":\"application/json\"}");
                insert.setString(5, payload);
                insert.setTimestamp(6, now);
                insert.addBatch();
                if (i % 1000 == 999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        db.commit();
        db.setAutoCommit(true);
    }

    /**
     * What {@code kafka-producer-perf-test} measures (fixed-size records as fast as the producer takes them, until all
     * are acknowledged), in this JVM with the relay's producer settings (idempotent, acks=all, one request in flight,
     * lz4, 256 KB batches), so the ratio shows what the outbox's reads, deletes and bookkeeping cost. The Kafka
     * distribution's tool itself is not on this classpath (kafka-tools); its loop is this one.
     */
    static double rawProducer(KafkaBroker kafka, int records, int recordBytes) {
        Map<String, String> client = kafka.clientProperties(KafkaAccess.ADMIN);
        Properties admin = new Properties();
        admin.putAll(client);
        try (Admin topics = Admin.create(admin)) {
            topics.createTopics(List.of(new NewTopic(RAW_TOPIC, 3, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (!String.valueOf(e.getMessage()).contains("already exists")) {
                throw new IllegalStateException("cannot create " + RAW_TOPIC, e);
            }
        }
        Properties properties = new Properties();
        properties.putAll(client);
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, 262_144);
        properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        byte[] value = "x".repeat(recordBytes).getBytes();
        AtomicLong acknowledged = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer())) {
            // A warm-up of a tenth, as the relay's first rounds also warm its producer.
            for (int i = 0; i < records / 10; i++) {
                producer.send(new ProducerRecord<>(RAW_TOPIC, "warm-" + (i % 1000), value));
            }
            producer.flush();
            long started = System.nanoTime();
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(RAW_TOPIC, "key-" + (i % 1000), value), (metadata, error) -> {
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    } else {
                        acknowledged.incrementAndGet();
                    }
                });
            }
            producer.flush();
            double elapsed = (System.nanoTime() - started) / 1e9;
            if (failure.get() != null || acknowledged.get() != records) {
                throw new IllegalStateException(
                        "raw producer: " + acknowledged.get() + " of " + records + " acknowledged", failure.get());
            }
            return records / elapsed;
        }
    }

    /** The rows the timed rounds sent, their time, and the CPU from the first drop to the empty outbox. */
    record Drain(long rows, Duration time, ProcessCpu.Usage cpu) {

        double perSecond() {
            return rows / seconds(time);
        }
    }

    private static Drain awaitDrain(Connection db, long[] ids, int events, ProcessCpu cpu) throws SQLException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        ProcessCpu.Snapshot atFirstDrop = null;
        long firstDrop = 0;
        long leftAtFirstDrop = 0;
        // By id, over the primary key: matching the run's ids in the JSON headers of every row, every 5 ms, cost
        // PostgreSQL the CPU the relay and its database work were being measured for.
        try (PreparedStatement count = db.prepareStatement("select count(*) from outbox where id between ? and ?")) {
            count.setLong(1, ids[0]);
            count.setLong(2, ids[1]);
            while (true) {
                long left;
                try (ResultSet result = count.executeQuery()) {
                    result.next();
                    left = result.getLong(1);
                }
                long now = System.nanoTime();
                if (left < events && firstDrop == 0) {
                    firstDrop = now;
                    leftAtFirstDrop = left;
                    atFirstDrop = cpu.snapshot();
                }
                if (left == 0) {
                    if (leftAtFirstDrop == 0) {
                        throw new IllegalStateException("the relay sent all " + events + " events in one round:"
                                + " too few to time it (--events larger than kontor.outbox.batch-size)");
                    }
                    return new Drain(
                            leftAtFirstDrop,
                            Duration.ofNanos(now - firstDrop),
                            cpu.snapshot().since(atFirstDrop));
                }
                if (now > deadline) {
                    throw new IllegalStateException("waited " + WAIT + " for sales' relay, " + left + " left");
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted");
                }
            }
        }
    }

    /** The first and last outbox id of the run's rows (written in one transaction while the relay was off). */
    private static long[] idRange(Connection db, String run) throws SQLException {
        try (PreparedStatement range =
                db.prepareStatement("select min(id), max(id) from outbox where headers->>'ce_id' like ?")) {
            range.setString(1, run + "-%");
            try (ResultSet result = range.executeQuery()) {
                result.next();
                return new long[] {result.getLong(1), result.getLong(2)};
            }
        }
    }

    private static void awaitCount(Connection db, String sql, String like, long expected) throws SQLException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        try (PreparedStatement count = db.prepareStatement(sql)) {
            count.setString(1, like);
            while (true) {
                try (ResultSet result = count.executeQuery()) {
                    result.next();
                    if (result.getLong(1) == expected) {
                        return;
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("waited " + WAIT + " for " + expected + " from `" + sql
                                + "`, have " + result.getLong(1));
                    }
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted");
                }
            }
        }
    }

    private static Connection connect(LocalPlatform platform, App app) throws SQLException {
        return DriverManager.getConnection(
                platform.postgres().jdbcUrl(app.database().orElseThrow()),
                platform.postgres().username(),
                platform.postgres().password());
    }

    private static double seconds(Duration duration) {
        return Math.max(duration.toNanos(), 1) / 1e9;
    }
}
