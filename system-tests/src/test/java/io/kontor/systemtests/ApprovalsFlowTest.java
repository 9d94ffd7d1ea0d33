package io.kontor.systemtests;

import static io.kontor.systemtests.FlowSteps.EVENT_DELIVERY;
import static io.kontor.systemtests.FlowSteps.listProduct;
import static io.kontor.systemtests.FlowSteps.registerCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Four eyes and the task inbox across services (issue #20) through the gateway: an offer with a large discount waits
 * for a second person of sales (the requester's own approval is a 409), then can be sent; a bank entry no rule matches
 * is a task in accounting's inbox until someone assigns it. An internal control system names such acts for a second
 * person (GoBD Rz. 100 ff.); an offer binds once sent (§145 BGB).
 */
@SuppressWarnings("unchecked") // JSON answers read as maps and lists
class ApprovalsFlowTest extends SystemTest {

    @Test
    void an_offer_with_a_large_discount_waits_for_a_second_person_of_sales_then_is_sent() {
        String customerId = registerCustomer("Rabattfreudig GmbH");
        String sku = listProduct("Workshop", "1500.00");
        String offerId = as("sven", "sales")
                .body("""
                        {"customerId": "%s", "billing": "ON_ACCEPTANCE",
                         "lines": [{"sku": "%s", "quantity": 4, "discountPercent": 25}]}
                        """.formatted(customerId, sku))
                .post("/api/v1/sales/offers")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        as("sven", "sales")
                .body("{\"deliver\": false}")
                .post("/api/v1/sales/offers/{id}/send", offerId)
                .then()
                .statusCode(200)
                .body("status", equalTo("PENDING_APPROVAL"));
        Map<String, Object> task = awaitTask("svenja", "sales", "OPEN", offerId);
        assertThat(task.get("kind")).isEqualTo("APPROVAL");
        assertThat(task.get("link")).isEqualTo("/api/v1/sales/offers/" + offerId);
        assertThat((String) task.get("title")).contains("25.00 %");

        as("sven", "sales")
                .body("{}")
                .post("/api/v1/processes/tasks/{id}/approve", task.get("id"))
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        assertThat(FlowSteps.offer(offerId).get("status")).isEqualTo("PENDING_APPROVAL");
        as("svenja", "sales")
                .body("{\"comment\":\"Strategischer Kunde\"}")
                .post("/api/v1/processes/tasks/{id}/approve", task.get("id"))
                .then()
                .statusCode(200);

        await("the approval reaching sales")
                .atMost(EVENT_DELIVERY)
                .until(() -> FlowSteps.offer(offerId).get("status"), "DISCOUNT_APPROVED"::equals);
        as("sven", "sales")
                .body("{\"deliver\": false}")
                .post("/api/v1/sales/offers/{id}/send", offerId)
                .then()
                .statusCode(200)
                .body("status", equalTo("SENT"));
    }

    @Test
    void an_unmatched_bank_entry_is_a_task_for_accounting_until_it_is_assigned() {
        String customerId = registerCustomer("Zahlt Ohne Verwendungszweck GmbH");
        String sku = listProduct("Review", "100.00");
        String offerId = FlowSteps.acceptedOffer(customerId, sku, 1, "ON_ACCEPTANCE");
        Map<String, Object> invoice = FlowSteps.awaitInvoiceFor(customerId, offerId);
        LocalDate today = LocalDate.parse((String) invoice.get("issueDate"));

        Map<String, Object> imported = asAdmin()
                .contentType(ContentType.XML)
                .body(FlowSteps.Camt053.ofSellersAccount()
                        .credit(new BigDecimal("77.77"), today, "Unbekannt", "Danke fuer alles")
                        .xml())
                .post("/api/v1/accounting/bank-statements")
                .then()
                .statusCode(200)
                .extract()
                .path("");
        String entryId = (String)
                ((List<Map<String, Object>>) imported.get("unmatched")).get(0).get("entryId");

        Map<String, Object> task = awaitTask("berta", "accounting", "OPEN", entryId);
        assertThat(task.get("kind")).isEqualTo("STEP");
        assertThat(task.get("link")).isEqualTo("/api/v1/accounting/bank-statements/clearing");
        assertThat((String) task.get("title")).contains("77.77 EUR");

        as("berta", "accounting")
                .body("{\"invoiceNumber\": \"%s\"}".formatted(invoice.get("invoiceNumber")))
                .post("/api/v1/accounting/bank-statements/clearing/{id}/assign", entryId)
                .then()
                .statusCode(200);
        Map<String, Object> done = awaitTask("berta", "accounting", "DONE", entryId);
        assertThat(done.get("comment")).isEqualTo("ASSIGNED");
    }

    private static Map<String, Object> awaitTask(String subject, String role, String status, String subjectId) {
        return await("a " + status + " task about " + subjectId + " in the inbox of " + role)
                .atMost(EVENT_DELIVERY)
                .until(
                        () -> ((List<Map<String, Object>>) as(subject, role)
                                        .queryParam("status", status)
                                        .queryParam("subjectId", subjectId)
                                        .get("/api/v1/processes/tasks")
                                        .then()
                                        .statusCode(200)
                                        .extract()
                                        .path("items"))
                                .stream()
                                        .filter(t -> subjectId.equals(t.get("subjectId")))
                                        .findFirst()
                                        .orElse(null),
                        t -> t != null);
    }

    private static RequestSpecification as(String subject, String role) {
        return io.restassured.RestAssured.given()
                .baseUri(platform.gatewayUrl())
                .contentType(ContentType.JSON)
                .header("Authorization", io.kontor.testing.TestTokens.bearerFor(subject, role));
    }
}
