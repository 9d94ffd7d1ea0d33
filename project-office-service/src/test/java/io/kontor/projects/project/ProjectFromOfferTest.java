package io.kontor.projects.project;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kontor.platform.events.CloudEventHeaders;
import io.kontor.platform.events.sales.Address;
import io.kontor.platform.events.sales.BillingMode;
import io.kontor.platform.events.sales.CustomerSnapshot;
import io.kontor.platform.events.sales.CustomerType;
import io.kontor.platform.events.sales.OfferAccepted;
import io.kontor.platform.events.sales.OfferLine;
import io.kontor.testing.TestEvents;
import io.kontor.testing.TestKafka;
import io.kontor.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProjectFromOfferTest {

    private static final String SALES = "sales-backoffice-service";

    @Inject
    TestEvents events;

    @Test
    void an_accepted_offer_opens_one_project_with_a_proposed_kickoff_even_when_delivered_twice() {
        UUID customerId = UUID.randomUUID();
        OfferAccepted accepted = offer(customerId);
        String eventId = UUID.randomUUID().toString();
        events.send(SALES, accepted, eventId, Instant.now());
        events.send(SALES, accepted, eventId, Instant.now());
        // The same offer again under a new id (a replay from another source) must not open a second project either.
        events.send(SALES, accepted);

        List<ConsumerRecord<String, String>> created = await().atMost(Duration.ofSeconds(30))
                .until(() -> projectCreatedEventsFor(accepted.offerId()), records -> !records.isEmpty());
        List<?> projects = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> given().header("Authorization", TestTokens.bearer("project-office"))
                                .queryParam("customerId", customerId)
                                .get("/api/v1/projects")
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath()
                                .getList("items"),
                        items -> !items.isEmpty());

        assertThat(projects).hasSize(1);
        given().header("Authorization", TestTokens.bearer("project-office"))
                .queryParam("customerId", customerId)
                .get("/api/v1/projects")
                .then()
                .body(
                        "items[0].offerId",
                        org.hamcrest.Matchers.equalTo(accepted.offerId().toString()))
                .body("items[0].kickoffStatus", org.hamcrest.Matchers.equalTo("PROPOSED"))
                .body("items[0].name", org.hamcrest.Matchers.containsString("Muster GmbH"));
        assertThat(TestKafka.header(created.get(0), CloudEventHeaders.TYPE))
                .isEqualTo("kontor.projects.project-created.v1");
        assertThat(created.get(0).value())
                .contains(accepted.offerId().toString())
                .contains(customerId.toString());
        assertThat(projectCreatedEventsFor(accepted.offerId())).hasSize(1);
    }

    private static List<ConsumerRecord<String, String>> projectCreatedEventsFor(UUID offerId) {
        return TestKafka.readAll("projects.projects", Duration.ofMillis(300)).stream()
                .filter(r -> "kontor.projects.project-created.v1".equals(TestKafka.header(r, CloudEventHeaders.TYPE)))
                .filter(r -> r.value().contains(offerId.toString()))
                .toList();
    }

    private static OfferAccepted offer(UUID customerId) {
        CustomerSnapshot customer = new CustomerSnapshot(
                "K-000042",
                "Muster GmbH",
                CustomerType.BUSINESS,
                "info@muster.example",
                "DE123456789",
                14,
                new Address("Hauptstr. 1", "10115", "Berlin", "DE"));
        OfferLine line = new OfferLine(
                "CONSULT-DAY",
                "Beratung",
                new BigDecimal("2"),
                "day",
                new BigDecimal("1000.00"),
                BigDecimal.ZERO,
                new BigDecimal("19"),
                new BigDecimal("2000.00"),
                null,
                null,
                false,
                null);
        return new OfferAccepted(
                UUID.randomUUID(),
                "AN-2026-000001",
                1,
                customerId,
                customer,
                BillingMode.ON_ACCEPTANCE,
                "EUR",
                List.of(line),
                new BigDecimal("2000.00"),
                new BigDecimal("380.00"),
                new BigDecimal("2380.00"),
                Instant.now(),
                null,
                null,
                null,
                null,
                null,
                null);
    }
}
