package io.kontor.systemtests;

import static io.kontor.systemtests.FlowSteps.LEGAL_REVIEWS;
import static io.kontor.systemtests.FlowSteps.awaitOfferStatus;
import static io.kontor.systemtests.FlowSteps.awaitReviewOf;
import static io.kontor.systemtests.FlowSteps.listProduct;
import static io.kontor.systemtests.FlowSteps.registerCustomer;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

/**
 * Issue #18 through the gateway: an offer the legal-review rules hold back (here: payment terms of 90 days, over the 60
 * of kontor.sales.legal-review.payment-term-days-above) goes to legal instead of the customer; approved it is sent,
 * rejected it goes back to DRAFT; the offer's history shows the review, and a decided review cannot be decided again.
 */
class ReviewFlowTest extends SystemTest {

    @Test
    void an_approved_offer_is_sent_and_a_rejected_one_goes_back_to_draft() {
        String customerId = registerCustomer("Langes Zahlungsziel GmbH", 90);
        String sku = listProduct("Beratung", "1000.00");

        String approved = heldOffer(customerId, sku);
        String review = awaitReviewOf(approved);
        asAdmin()
                .get(LEGAL_REVIEWS + "/{id}", review)
                .then()
                .statusCode(200)
                .body("status", equalTo("PENDING"))
                .body("reasons", hasItem("payment terms 90 days, more than 60"));
        asAdmin()
                .body("{\"comment\": \"Zahlungsziel vertretbar.\"}")
                .post(LEGAL_REVIEWS + "/{id}/approve", review)
                .then()
                .statusCode(200);
        asAdmin()
                .body("{\"comment\": \"doch nicht\"}")
                .post(LEGAL_REVIEWS + "/{id}/reject", review)
                .then()
                .statusCode(409);
        awaitOfferStatus(approved, "REVIEW_APPROVED");
        asAdmin()
                .body("{\"deliver\": false}")
                .post("/api/v1/sales/offers/{id}/send", approved)
                .then()
                .statusCode(200)
                .body("status", equalTo("SENT"))
                .body("review.kind", contains("REQUESTED", "APPROVED"))
                .body("review[1].comment", equalTo("Zahlungsziel vertretbar."));

        String rejected = heldOffer(customerId, sku);
        String second = awaitReviewOf(rejected);
        asAdmin()
                .body("{\"comment\": \"Nur mit Bürgschaft.\"}")
                .post(LEGAL_REVIEWS + "/{id}/reject", second)
                .then()
                .statusCode(200);
        awaitOfferStatus(rejected, "REVIEW_REJECTED");
        asAdmin()
                .post("/api/v1/sales/offers/{id}/return-to-draft", rejected)
                .then()
                .statusCode(200)
                .body("status", equalTo("DRAFT"))
                .body("review.kind", contains("REQUESTED", "REJECTED", "RETURNED_TO_DRAFT"))
                .body("review[1].comment", equalTo("Nur mit Bürgschaft."));
    }

    private static String heldOffer(String customerId, String sku) {
        String offerId = asAdmin()
                .body(
                        "{\"customerId\": \"%s\", \"billing\": \"ON_ACCEPTANCE\", \"lines\": [{\"sku\": \"%s\", \"quantity\": 1}]}"
                                .formatted(customerId, sku))
                .post("/api/v1/sales/offers")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        asAdmin()
                .body("{\"deliver\": false}")
                .post("/api/v1/sales/offers/{id}/send", offerId)
                .then()
                .statusCode(200)
                .body("status", equalTo("IN_REVIEW"));
        return offerId;
    }
}
