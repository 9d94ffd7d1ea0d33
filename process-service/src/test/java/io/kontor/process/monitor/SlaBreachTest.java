package io.kontor.process.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.kontor.platform.events.process.CaseSlaBreached;
import io.kontor.testing.MutableClock;
import io.kontor.testing.TestEvents;
import io.kontor.testing.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A case stuck beyond its process's SLA (quote-to-cash: 45 days after the last step) is announced once per wait. */
@QuarkusTest
class SlaBreachTest {

    private static final Instant START = Instant.parse("2026-01-05T08:00:00Z");

    @Inject
    TestEvents events;

    @Inject
    MutableClock clock;

    @Inject
    SlaWatch watch;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void a_stuck_case_raises_one_sla_event_however_often_it_is_checked() {
        UUID offer = new Flows(events).quoteToCash(START, false);
        JsonPath stuck = ProcessMonitoringTest.awaitCase("quote-to-cash", offer, 3);
        String caseId = stuck.getString("id");
        Instant lastStep = Instant.parse(stuck.getString("lastStepAt"));

        clock.set(lastStep.plus(Duration.ofDays(44)));
        watch.check();
        assertThat(breachesOf(caseId, Duration.ofSeconds(3))).isEmpty();

        clock.advance(Duration.ofDays(2));
        watch.check();
        watch.check();
        clock.advance(Duration.ofDays(10));
        watch.check();

        List<ConsumerRecord<String, String>> breaches = breachesOf(caseId, Duration.ofSeconds(5));
        assertThat(breaches).hasSize(1);
        assertThat(breaches.get(0).key()).isEqualTo(caseId);
        assertThat(breaches.get(0).value())
                .contains("\"lastStep\":\"Invoice issued\"", "\"sla\":\"PT1080H\"", "\"process\":\"quote-to-cash\"");
        assertThat(TestKafka.header(breaches.get(0), "ce_type")).isEqualTo(CaseSlaBreached.TYPE);
    }

    private static List<ConsumerRecord<String, String>> breachesOf(String caseId, Duration quiet) {
        return TestKafka.readAll(CaseSlaBreached.TOPIC, quiet).stream()
                .filter(r -> caseId.equals(r.key()))
                .toList();
    }
}
