package io.kontor.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * "Ready" means the consumers read: the README's first call made the moment the platform said ready reaches
 * accounting's replica at once. Before issue #13 it answered 404 for about 25 s, while consumer groups were still
 * joining after every service had reported ready. The figure is measured at the platform's start
 * ({@link FirstReplica}); the bound here only tells a joining group (seconds) from a consuming one.
 */
class ReadyMeansReadyTest extends SystemTest {

    @Test
    void the_first_customer_reaches_accounting_within_moments_of_ready() {
        Duration measured = KontorPlatform.readyToFirstReplica;

        assertThat(measured).as("ready to the first replicated customer").isLessThan(Duration.ofSeconds(10));
    }
}
