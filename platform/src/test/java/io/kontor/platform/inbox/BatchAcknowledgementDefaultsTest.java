package io.kontor.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * A batch channel acknowledges a poll only when all of it is applied, and the Kafka connector fails a channel for good
 * when a record waits longer than {@code throttled.unprocessed-record-max-age.ms}. Under the harness' overload (#23: 50
 * accepted offers per second on two cores) a poll of accepted offers took longer than the connector's default 60 s and
 * accounting stopped consuming. The platform's defaults must leave each record of a full poll its share of the max age.
 */
@QuarkusTest
class BatchAcknowledgementDefaultsTest {

    // What one record of a full poll may take under overload before its channel is failed. In the overloaded run the
    // records at the end of a poll of accepted offers had waited 63 s (accounting's log, SRMSG18231).
    private static final Duration PER_RECORD_UNDER_OVERLOAD = Duration.ofMillis(1_000);

    @Test
    void a_full_poll_is_applied_before_its_last_record_reaches_the_connectors_max_age() {
        Config config = ConfigProvider.getConfig();
        int maxPollRecords = config.getValue("mp.messaging.connector.smallrye-kafka.max.poll.records", Integer.class);
        long maxAgeMillis = config.getValue(
                "mp.messaging.connector.smallrye-kafka.throttled.unprocessed-record-max-age.ms", Long.class);

        assertThat(maxAgeMillis)
                .as("the connector's max age (0 would switch the check off; the default 60 s failed accounting)")
                .isPositive()
                .isGreaterThanOrEqualTo(maxPollRecords * PER_RECORD_UNDER_OVERLOAD.toMillis());
    }
}
