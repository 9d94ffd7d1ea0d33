package io.kontor.gateway.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.kontor.gateway.KafkaResource;
import io.kontor.platform.events.accounting.InvoicePaid;
import io.kontor.platform.events.hr.ApplicationReceived;
import io.kontor.platform.events.sales.OfferSent;
import io.kontor.platform.security.Roles;
import io.kontor.testing.ManagementPort;
import io.kontor.testing.TestEvents;
import io.kontor.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaResource.class)
class EventStreamTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String STREAM = "/api/v1/events/stream";

    @Inject
    TestEvents events;

    @Inject
    KafkaEventFeed feed;

    @Inject
    EventWindow window;

    @BeforeEach
    void feedListening() {
        await().atMost(Duration.ofSeconds(60)).until(feed::assigned);
    }

    @Test
    void the_gateway_is_ready_once_its_feed_reads_kafka() {
        given().get(ManagementPort.url("/q/health/ready"))
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'event-feed' }.status", equalTo("UP"));
    }

    @Test
    void an_event_published_on_kafka_reaches_a_stream_that_may_see_it() throws Exception {
        try (SseClient clerk = SseClient.open(STREAM, TestTokens.bearer(Roles.SALES), null)) {
            assertThat(clerk.status()).isEqualTo(200);
            assertThat(clerk.contentType()).startsWith("text/event-stream");
            awaitListening(1);

            OfferSent offer = offerSent();
            String id = events.send("sales-backoffice-service", offer);

            SseClient.Event received = clerk.next(WAIT);
            assertThat(received.id()).isEqualTo(id);
            assertThat(received.name()).isEqualTo(OfferSent.TYPE);
            assertThat(received.data())
                    .contains("\"offerNumber\":\"" + offer.offerNumber() + "\"")
                    .contains("\"source\":\"/kontor/sales-backoffice-service\"");
        }
    }

    @Test
    void each_role_sees_only_the_events_of_its_domains() throws Exception {
        try (SseClient hr = SseClient.open(STREAM, TestTokens.bearer(Roles.HR), null);
                SseClient middleOffice = SseClient.open(STREAM, TestTokens.bearer(Roles.MIDDLE_OFFICE), null)) {
            awaitListening(2);

            String offerId = events.send("sales-backoffice-service", offerSent());
            String applicationId = events.send(
                    "hr-service", new ApplicationReceived(UUID.randomUUID(), UUID.randomUUID(), Instant.now()));

            assertThat(hr.next(WAIT).id())
                    .as("hr skips the offer, gets the application")
                    .isEqualTo(applicationId);
            assertThat(middleOffice.next(WAIT).id())
                    .as("middle office gets the offer")
                    .isEqualTo(offerId);
            assertThat(middleOffice.drain(Duration.ofSeconds(2)))
                    .as("but not the application")
                    .isEmpty();
        }
    }

    @Test
    void types_narrow_the_stream_to_the_events_asked_for() throws Exception {
        try (SseClient accountant =
                SseClient.open(STREAM + "?types=accounting.invoice-paid", TestTokens.bearer(Roles.ADMIN), null)) {
            awaitListening(1);

            events.send("sales-backoffice-service", offerSent());
            String paid = events.send(
                    "accounting-service",
                    new InvoicePaid(
                            UUID.randomUUID(), "RE-2025-000042", UUID.randomUUID(), null, LocalDate.of(2025, 3, 3)));

            assertThat(accountant.next(WAIT).id()).isEqualTo(paid);
        }
    }

    @Test
    void a_client_that_comes_back_with_last_event_id_gets_what_it_missed() throws Exception {
        String first;
        try (SseClient clerk = SseClient.open(STREAM + "?types=sales", TestTokens.bearer(Roles.SALES), null)) {
            awaitListening(1);
            first = events.send("sales-backoffice-service", offerSent());
            assertThat(clerk.next(WAIT).id()).isEqualTo(first);
        }
        awaitListening(0);
        String second = events.send("sales-backoffice-service", offerSent());
        String third = events.send("sales-backoffice-service", offerSent());
        await().atMost(WAIT).until(() -> window.holds(third));

        try (SseClient clerk = SseClient.open(STREAM + "?types=sales", TestTokens.bearer(Roles.SALES), first)) {
            assertThat(clerk.next(WAIT).id()).isEqualTo(second);
            assertThat(clerk.next(WAIT).id()).isEqualTo(third);
        }
    }

    @Test
    void an_id_no_longer_held_is_told_as_a_gap() throws Exception {
        try (SseClient clerk = SseClient.open(STREAM, TestTokens.bearer(Roles.SALES), "long-gone-event")) {
            SseClient.Event gap = clerk.next(WAIT);
            assertThat(gap.name()).isEqualTo("gap");
            assertThat(gap.data()).contains("long-gone-event");
        }
    }

    @Test
    void a_client_that_disconnects_leaves_nothing_behind() throws Exception {
        int before = window.listeners();
        SseClient clerk = SseClient.open(STREAM, TestTokens.bearer(Roles.SALES), null);
        awaitListening(before + 1);

        clerk.close();

        // Noticed at the latest with the next keep-alive (1 s in this test).
        awaitListening(before);
    }

    /** One token may hold three streams at once (issue #24); a fourth is a 429 until one of the three ends. */
    @Test
    void a_caller_holds_at_most_three_streams_and_the_gauge_counts_them() throws Exception {
        String clerk = TestTokens.bearerFor("stream-hog-" + UUID.randomUUID(), Roles.SALES);
        int before = window.listeners();
        SseClient first = SseClient.open(STREAM, clerk, null);
        try (SseClient second = SseClient.open(STREAM, clerk, null);
                SseClient third = SseClient.open(STREAM, clerk, null)) {
            assertThat(List.of(first.status(), second.status(), third.status())).containsOnly(200);
            awaitListening(before + 3);
            given().get(ManagementPort.url("/q/metrics"))
                    .then()
                    .statusCode(200)
                    .body(org.hamcrest.Matchers.containsString("kontor_event_streams "));

            given().header("Authorization", clerk)
                    .header("Accept", "text/event-stream")
                    .when()
                    .get(STREAM)
                    .then()
                    .statusCode(429)
                    .contentType("application/problem+json")
                    .body("status", equalTo(429));
            try (SseClient colleague =
                    SseClient.open(STREAM, TestTokens.bearerFor("colleague-" + UUID.randomUUID(), Roles.SALES), null)) {
                assertThat(colleague.status()).isEqualTo(200);
            }

            first.close();
            awaitListening(before + 2);
            try (SseClient again = SseClient.open(STREAM, clerk, null)) {
                assertThat(again.status()).isEqualTo(200);
            }
        } finally {
            first.close();
        }
    }

    @Test
    void front_office_systems_get_no_stream() {
        given().header("Authorization", TestTokens.bearer(Roles.FRONT_OFFICE))
                .when()
                .get(STREAM)
                .then()
                .statusCode(403);
    }

    @Test
    void an_unknown_type_is_400_naming_the_field() {
        given().header("Authorization", TestTokens.bearer(Roles.ADMIN))
                .when()
                .get(STREAM + "?types=billing.invoice-sent")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("types"));
    }

    private void awaitListening(int listeners) {
        await().atMost(WAIT).until(() -> window.listeners() == listeners);
    }

    private static OfferSent offerSent() {
        return new OfferSent(
                UUID.randomUUID(),
                "AN-" + UUID.randomUUID().toString().substring(0, 8),
                1,
                UUID.randomUUID(),
                LocalDate.of(2025, 4, 1),
                new BigDecimal("1000.00"),
                new BigDecimal("1190.00"),
                "EUR");
    }
}
