package io.kontor.legal.review;

import static io.kontor.legal.LegalApi.BASE;
import static io.kontor.legal.LegalApi.events;
import static io.kontor.legal.LegalApi.legal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.kontor.platform.events.legal.OfferReviewApproved;
import io.kontor.platform.events.legal.OfferReviewRejected;
import io.kontor.platform.events.sales.OfferLine;
import io.kontor.platform.events.sales.OfferReviewRequested;
import io.kontor.testing.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Plays sales: offers held back for review arrive on sales.offers; legal approves or rejects them once. */
@QuarkusTest
class OfferReviewTest {

    private static final String REVIEWS = BASE + "/reviews";

    @Inject
    TestEvents events;

    @Test
    void a_held_offer_becomes_a_pending_review_once_and_its_approval_is_published() {
        UUID offerId = UUID.randomUUID();
        OfferReviewRequested requested = requested(offerId);
        events.send("sales-backoffice-service", requested);
        events.send("sales-backoffice-service", requested);
        String id = awaitReview(offerId);

        legal().get(REVIEWS + "/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("PENDING"))
                .body("reasons", contains("customer outside the EU (CH)"))
                .body("lines", contains("800 h Beratung à 150.00, 10 % Rabatt = 108000.00"));
        legal().body("{\"comment\": \"Gerichtsstand Zürich akzeptabel.\"}")
                .post(REVIEWS + "/" + id + "/approve")
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"));

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(
                                events(OfferReviewApproved.TOPIC, OfferReviewApproved.TYPE, offerId.toString()))
                        .singleElement()
                        .satisfies(event -> assertThat(event.path("comment").asText())
                                .isEqualTo("Gerichtsstand Zürich akzeptabel.")));
        assertThat(legal().queryParam("offerId", offerId.toString())
                        .get(REVIEWS)
                        .then()
                        .extract()
                        .<Integer>path("total"))
                .isEqualTo(1);
    }

    @Test
    void deciding_a_review_that_is_no_longer_pending_is_a_409_and_a_rejection_needs_a_comment() {
        UUID offerId = UUID.randomUUID();
        events.send("sales-backoffice-service", requested(offerId));
        String id = awaitReview(offerId);

        legal().body("{}")
                .post(REVIEWS + "/" + id + "/reject")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", contains("comment"));
        legal().get(REVIEWS + "/" + id).then().body("status", equalTo("PENDING"));

        legal().body("{\"comment\": \"Zahlungsziel 90 Tage nur gegen Bürgschaft.\"}")
                .post(REVIEWS + "/" + id + "/reject")
                .then()
                .statusCode(200)
                .body("status", equalTo("REJECTED"));
        legal().body("{}").post(REVIEWS + "/" + id + "/approve").then().statusCode(409);
        legal().get(REVIEWS + "/" + id).then().body("status", equalTo("REJECTED"));

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(
                                events(OfferReviewRejected.TOPIC, OfferReviewRejected.TYPE, offerId.toString()))
                        .hasSize(1));
        assertThat(events(OfferReviewApproved.TOPIC, OfferReviewApproved.TYPE, offerId.toString()))
                .isEmpty();
    }

    private static String awaitReview(UUID offerId) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> legal().queryParam("offerId", offerId.toString())
                                .get(REVIEWS)
                                .then()
                                .statusCode(200)
                                .extract()
                                .<List<String>>path("items.id"),
                        ids -> !ids.isEmpty())
                .get(0);
    }

    private static OfferReviewRequested requested(UUID offerId) {
        return new OfferReviewRequested(
                offerId,
                "AN-2026-" + offerId.toString().substring(0, 6),
                1,
                UUID.randomUUID(),
                "Alpine Präzision AG",
                "CH",
                30,
                "EUR",
                new BigDecimal("108000.00"),
                new BigDecimal("108000.00"),
                null,
                List.of(new OfferLine(
                        "BER",
                        "Beratung",
                        new BigDecimal("800.00"),
                        "h",
                        new BigDecimal("150.00"),
                        new BigDecimal("10.00"),
                        BigDecimal.ZERO,
                        new BigDecimal("108000.00"),
                        null,
                        null,
                        false,
                        null)),
                List.of("customer outside the EU (CH)"),
                "vertrieb",
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }
}
