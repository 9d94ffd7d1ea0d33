package io.kontor.platform.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kontor.platform.testapp.Notes;
import io.kontor.testing.ManagementPort;
import io.kontor.testing.MutableClock;
import io.kontor.testing.TestInfra;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What operators see of a Kafka outage (docs/DECISIONS.md, "Operations"): the service stays ready and takes writes,
 * whose events wait in the outbox, and the age of the oldest waiting event - the alert KontorOutboxOldEvent - grows
 * until the broker is back.
 */
@QuarkusTest
class KafkaOutageTest {

    private static final Pattern OLDEST_AGE =
            Pattern.compile("(?m)^kontor_outbox_oldest_age_seconds(?:\\{[^}]*})? (\\S+)$");

    @Inject
    Notes notes;

    @Inject
    OutboxMetrics outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    MutableClock clock;

    @Test
    void with_kafka_down_the_service_stays_ready_and_the_oldest_event_ages_until_kafka_returns() {
        awaitReady();
        TestInfra.kafka().stop();
        try {
            notes.write("while kafka is down");
            clock.advance(Duration.ofSeconds(90));

            // Long enough for the consumers to notice the broker is gone (their connections drop within seconds).
            await().during(Duration.ofSeconds(10))
                    .atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> {
                        var readiness = given().get(ManagementPort.url("/q/health/ready"));
                        assertThat(readiness.statusCode())
                                .as("readiness while Kafka is down: %s", readiness.asString())
                                .isEqualTo(200);
                    });
            assertThat(oldestAgeSeconds())
                    .as("kontor_outbox_oldest_age_seconds")
                    .isGreaterThanOrEqualTo(90);
            assertThat(metrics()).contains("kontor_outbox_backlog ");
        } finally {
            clock.reset();
            TestInfra.kafka().restart();
        }

        await().atMost(Duration.ofSeconds(90)).until(() -> relay.backlog() == 0);
        assertThat(outbox.oldestAge()).isZero();
        assertThat(oldestAgeSeconds()).isZero();
    }

    private static void awaitReady() {
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().get(ManagementPort.url("/q/health/ready"))
                        .then()
                        .statusCode(200));
    }

    private static double oldestAgeSeconds() {
        Matcher line = OLDEST_AGE.matcher(metrics());
        assertThat(line.find())
                .as("kontor_outbox_oldest_age_seconds on /q/metrics")
                .isTrue();
        return Double.parseDouble(line.group(1));
    }

    private static String metrics() {
        return given().get(ManagementPort.url("/q/metrics"))
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }
}
