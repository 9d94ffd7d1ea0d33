package io.kontor.platform.inbox;

import io.smallrye.config.ConfigMapping;
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
}
