package io.kontor.sales.approval;

import static io.kontor.sales.SalesApi.as;
import static io.kontor.sales.SalesApi.createProduct;
import static io.kontor.sales.SalesApi.json;
import static io.kontor.sales.SalesApi.offerBody;
import static io.kontor.sales.SalesApi.registerCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kontor.platform.events.approvals.ApprovalRequested;
import io.kontor.platform.events.process.ApprovalDecided;
import io.kontor.sales.offer.OfferDiscountApproval;
import io.kontor.testing.TestApprovals;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Four eyes on large discounts (issue #20; an offer binds the company once sent, §145 BGB; a second person for such
 * acts is part of an internal control system, GoBD Rz. 100 ff.): above kontor.approvals.offer-discount.above (15 %)
 * sending waits PENDING_APPROVAL for process-service's decision (played here); approved it can be sent, rejected it is
 * a draft again; at or below the threshold nobody else is needed.
 */
@QuarkusTest
class OfferDiscountApprovalTest {

    @Inject
    TestApprovals process;

    @Test
    void a_discount_above_the_threshold_waits_for_a_second_person_and_once_approved_is_sent() {
        String offerId = offerWithDiscount("Rabatt GmbH", "20");

        JsonPath held = send(offerId);
        assertThat(held.getString("status")).isEqualTo("PENDING_APPROVAL");
        assertThat(held.getString("sentAt")).isNull();
        ApprovalRequested request = process.awaitRequest(OfferDiscountApproval.ACT, offerId);
        assertThat(request.amount()).isEqualByComparingTo("20.00");
        assertThat(request.role()).isEqualTo("sales");
        assertThat(request.link()).isEqualTo("/api/v1/sales/offers/" + offerId);
        assertThat(request.summary()).contains(held.getString("offerNumber"), "20.00 %");
        // Waiting: neither sent nor asked for twice.
        as("sales").post("/offers/" + offerId + "/send").then().statusCode(409);
        assertThat(process.requests(OfferDiscountApproval.ACT, offerId)).hasSize(1);

        process.decide(request, ApprovalDecided.APPROVED, "bernd");
        await().atMost(Duration.ofSeconds(30)).until(() -> "DISCOUNT_APPROVED".equals(status(offerId)));

        assertThat(send(offerId).getString("status")).isEqualTo("SENT");
    }

    @Test
    void a_rejected_discount_leaves_a_draft_and_a_small_one_needs_nobody() {
        String offerId = offerWithDiscount("Zu viel Rabatt GmbH", "25");
        assertThat(send(offerId).getString("status")).isEqualTo("PENDING_APPROVAL");
        ApprovalRequested request = process.awaitRequest(OfferDiscountApproval.ACT, offerId);

        process.decide(request, ApprovalDecided.REJECTED, "bernd");
        await().atMost(Duration.ofSeconds(30)).until(() -> "DRAFT".equals(status(offerId)));

        String small = offerWithDiscount("Wenig Rabatt GmbH", "15");
        assertThat(send(small).getString("status")).isEqualTo("SENT");
        assertThat(process.requests(OfferDiscountApproval.ACT, small)).isEmpty();
    }

    private static String offerWithDiscount(String customer, String percent) {
        String customerId = registerCustomer(customer).getString("id");
        String sku = createProduct("Beratung", "1000.00", 19);
        return as("sales")
                .body(offerBody(
                        customerId,
                        "[{\"sku\": \"" + sku + "\", \"quantity\": 2, \"discountPercent\": " + percent + "}]"))
                .post("/offers")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static JsonPath send(String offerId) {
        return json(as("sales")
                .body("{\"deliver\": false}")
                .post("/offers/" + offerId + "/send")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }

    private static String status(String offerId) {
        return as("sales").get("/offers/" + offerId).then().extract().path("status");
    }
}
