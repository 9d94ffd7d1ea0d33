package io.kontor.sales.review;

import static io.kontor.sales.SalesApi.as;
import static io.kontor.sales.SalesApi.awaitEvent;
import static io.kontor.sales.SalesApi.createProduct;
import static io.kontor.sales.SalesApi.json;
import static io.kontor.sales.SalesApi.offerBody;
import static io.kontor.sales.SalesApi.registerCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kontor.platform.events.legal.OfferReviewApproved;
import io.kontor.platform.events.legal.OfferReviewRejected;
import io.kontor.platform.events.sales.OfferReviewRequested;
import io.kontor.testing.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Plays legal: an offer the rules hold back (here: gross above kontor.sales.legal-review.gross-above, 900000.00 in
 * tests) is IN_REVIEW instead of sent; legal's decision arrives on legal.reviews; the offer's history shows the review.
 */
@QuarkusTest
class LegalReviewTest {

    private static final String LEGAL = "legal-service";

    @Inject
    TestEvents events;

    @Test
    void a_large_deal_goes_to_review_and_once_approved_is_sent() {
        String offerId = largeOffer("Großauftrag GmbH");

        JsonPath held = json(as("sales")
                .post("/offers/" + offerId + "/send")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(held.getString("status")).isEqualTo("IN_REVIEW");
        assertThat(held.getString("sentAt")).isNull();
        assertThat(held.getString("review[0].kind")).isEqualTo("REQUESTED");
        assertThat(held.getString("review[0].reasons[0]")).startsWith("gross 1190000.00 EUR above 900000.00");
        JsonPath requested = json(awaitEvent(OfferReviewRequested.TOPIC, offerId, OfferReviewRequested.TYPE)
                .value());
        assertThat(requested.getList("reasons")).hasSize(1);
        assertThat(requested.getString("customerName")).isEqualTo("Großauftrag GmbH");

        // Sending again while in review changes nothing.
        as("sales").post("/offers/" + offerId + "/send").then().statusCode(409);

        events.send(
                LEGAL,
                new OfferReviewApproved(
                        UUID.randomUUID(),
                        UUID.fromString(offerId),
                        held.getString("offerNumber"),
                        1,
                        "Passt so.",
                        "justiziar",
                        Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> "REVIEW_APPROVED".equals(status(offerId)));

        JsonPath sent = json(as("sales")
                .post("/offers/" + offerId + "/send")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(sent.getString("status")).isEqualTo("SENT");
        assertThat(sent.getList("review.kind")).containsExactly("REQUESTED", "APPROVED");
        assertThat(sent.getString("review[1].comment")).isEqualTo("Passt so.");
        assertThat(sent.getString("review[1].actor")).isEqualTo("justiziar");
    }

    @Test
    void a_rejected_deal_goes_back_to_draft_with_legals_comment_in_its_history() {
        String offerId = largeOffer("Riskant GmbH");
        JsonPath held = json(as("sales")
                .post("/offers/" + offerId + "/send")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        // Returning to draft before legal decided: not allowed.
        as("sales").post("/offers/" + offerId + "/return-to-draft").then().statusCode(409);

        events.send(
                LEGAL,
                new OfferReviewRejected(
                        UUID.randomUUID(),
                        UUID.fromString(offerId),
                        held.getString("offerNumber"),
                        1,
                        "Zahlungsziel zu lang.",
                        "justiziar",
                        Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> "REVIEW_REJECTED".equals(status(offerId)));
        as("sales").post("/offers/" + offerId + "/send").then().statusCode(409);

        JsonPath draft = json(as("sales")
                .post("/offers/" + offerId + "/return-to-draft")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(draft.getString("status")).isEqualTo("DRAFT");
        assertThat(draft.getList("review.kind")).containsExactly("REQUESTED", "REJECTED", "RETURNED_TO_DRAFT");
        assertThat(draft.getString("review[1].comment")).isEqualTo("Zahlungsziel zu lang.");
    }

    private static String largeOffer(String customer) {
        String customerId = registerCustomer(customer).getString("id");
        String sku = createProduct("Großprojekt", "100000.00", 19);
        return as("sales")
                .body(offerBody(customerId, "[{\"sku\": \"" + sku + "\", \"quantity\": 10}]"))
                .post("/offers")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static String status(String offerId) {
        return as("sales").get("/offers/" + offerId).then().extract().path("status");
    }
}
