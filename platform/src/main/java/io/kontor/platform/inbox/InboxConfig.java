package io.kontor.platform.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Retry policy of inbox handlers; defaults in platform's META-INF/microprofile-config.properties. */
@ConfigMapping(prefix = "kontor.inbox")
public interface InboxConfig {

    /** Attempts before a failing event is sent to the dead-letter topic. */
    int maxAttempts();

    /** Pause before the second attempt; it grows linearly with each further attempt. */
    Duration retryBackoff();

    /** How long an applied event's id is remembered; must outlive every redelivery (Kafka retention). */
    Duration retention();

    /**
     * The service's own dead-letter topic, which its Kafka user may write and read and no other may; by default
     * {@code <quarkus.application.name>.dlq}, as dev-infra's kafka-access.properties names it.
     */
    String deadLetterTopic();

    /**
     * Handler time per transaction of a batch channel's poll (InboxBatches): a poll is cut into transactions of about
     * this much, by what each consumer's deliveries took so far.
     */
    @WithDefault("100ms")
    Duration batchTransactionBudget();
}
