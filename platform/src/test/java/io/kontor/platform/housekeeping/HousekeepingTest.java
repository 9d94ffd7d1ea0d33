package io.kontor.platform.housekeeping;

import static org.assertj.core.api.Assertions.assertThat;

import io.kontor.platform.inbox.Inbox;
import io.kontor.platform.inbox.InboxConfig;
import io.kontor.testing.MutableClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HousekeepingTest {

    @Inject
    Housekeeping housekeeping;

    @Inject
    Inbox inbox;

    @Inject
    MutableClock clock;

    @Inject
    InboxConfig config;

    @AfterEach
    void followSystemTimeAgain() {
        clock.reset();
    }

    @Test
    void inbox_rows_older_than_the_retention_are_removed_and_younger_ones_kept() throws Exception {
        Instant now = Instant.parse("2026-03-01T10:00:00Z");
        String old = UUID.randomUUID().toString();
        String young = UUID.randomUUID().toString();
        clock.set(now.minus(config.retention()).minus(Duration.ofDays(1)));
        QuarkusTransaction.requiringNew().run(() -> inbox.firstDelivery("housekeeping-test", old));
        clock.set(now.minus(config.retention()).plus(Duration.ofDays(1)));
        QuarkusTransaction.requiringNew().run(() -> inbox.firstDelivery("housekeeping-test", young));

        clock.set(now);
        housekeeping.sweep();

        assertThat(QuarkusTransaction.requiringNew().call(() -> inbox.firstDelivery("housekeeping-test", old)))
                .as("the old event counts as new again: its row is gone")
                .isTrue();
        assertThat(QuarkusTransaction.requiringNew().call(() -> inbox.firstDelivery("housekeeping-test", young)))
                .as("the young event is still known")
                .isFalse();
    }
}
