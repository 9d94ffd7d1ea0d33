package io.kontor.platform.outbox;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** Settings of the outbox relay; defaults in platform's META-INF/microprofile-config.properties. */
@ConfigMapping(prefix = "kontor.outbox")
public interface OutboxConfig {

    /** {@code outbox}, always, except for the benchmark harness: see {@link OutboxMode}. */
    OutboxMode mode();

    /** Off only for tests or benchmarks that drive the relay by hand. */
    boolean relayEnabled();

    /** How often the relay looks for rows that another replica's commit (which cannot wake this one) left behind. */
    Duration pollInterval();

    /** Rows one round reads and sends. */
    int batchSize();

    /**
     * Lanes (of 16) one round claims, those with the oldest rows: replicas share the lanes instead of the first taking
     * all of them.
     */
    int lanesPerClaim();

    /** Kafka producer batch.size in bytes. */
    int producerBatchBytes();

    /** Kafka producer compression.type. */
    String compression();

    /** Upper bound of the exponential backoff while Kafka is unreachable. */
    Duration maxBackoff();

    /** Kafka producer delivery.timeout.ms: how long one batch may wait for the broker before the rows are retried. */
    Duration deliveryTimeout();

    /** Kafka producer max.block.ms: how long send() may block for metadata when the broker is down. */
    Duration maxBlock();

    /**
     * How long the broker must keep answering that a topic does not exist before the relay parks a row for it: long
     * enough for a topic that is created after the service's deployment.
     */
    Duration unknownTopicGrace();
}
