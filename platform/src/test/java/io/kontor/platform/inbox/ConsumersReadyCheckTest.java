package io.kontor.platform.inbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.kontor.testing.ManagementPort;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConsumersReadyCheckTest {

    @Inject
    Config config;

    @Test
    void before_its_consumers_are_assigned_the_service_is_not_ready() {
        // The state right after start: the channels are subscribed but no group has assigned anything yet.
        ConsumersReadyCheck justStarted = new ConsumersReadyCheck();
        justStarted.assignments = new ConsumerAssignments();
        justStarted.config = config;

        HealthCheckResponse response = justStarted.call();

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getData().orElseThrow())
                .containsEntry("waitingForAssignment", "test.batch-a,test.batch-b,test.batch-orphan,test.notes");
    }

    @Test
    void once_every_consumed_topic_is_assigned_readiness_says_so() {
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().get(ManagementPort.url("/q/health/ready"))
                        .then()
                        .statusCode(200)
                        .body("checks.find { it.name == 'kafka-consumers' }.status", equalTo("UP"))
                        .body(
                                "checks.find { it.name == 'kafka-consumers' }.data.consumed",
                                equalTo("test.batch-a,test.batch-b,test.batch-orphan,test.notes")));
    }
}
