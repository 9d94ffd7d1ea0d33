package io.kontor.systemtests;

import static io.kontor.systemtests.FlowSteps.EVENT_DELIVERY;
import static io.kontor.systemtests.FlowSteps.invoicesFor;
import static io.kontor.systemtests.FlowSteps.registerCustomer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The first flow across services (EVENTS.md, "quote to cash", up to the invoice), only through the gateway: a customer
 * registered in sales reaches accounting's replica; an offer accepted in sales is invoiced once by accounting and opens
 * a project in project-office. And bad input anywhere on the way is a problem+json 4xx, never a 500.
 */
class FirstFlowTest extends SystemTest {

    @Test
    void an_accepted_offer_is_invoiced_once_by_accounting_and_opens_a_project() {
        String customerId = registerCustomer("Hanse Kontor GmbH");

        await("accounting's replica of customer " + customerId)
                .atMost(EVENT_DELIVERY)
                .untilAsserted(() -> asAdmin()
                        .get("/api/v1/accounting/customers/{id}", customerId)
                        .then()
                        .statusCode(200)
                        .body("name", equalTo("Hanse Kontor GmbH"))
                        .body("type", equalTo("BUSINESS")));

        String sku = "SYS-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        asAdmin().body("""
                        {"sku": "%s", "name": "Consulting day", "unitPrice": 1200.00, "vatRate": 19, "unit": "day"}
                        """.formatted(sku)).post("/api/v1/sales/products").then().statusCode(201);

        Response offer = asAdmin()
                .body("""
                        {"customerId": "%s", "lines": [{"sku": "%s", "quantity": 3}], "billing": "ON_ACCEPTANCE"}
                        """.formatted(customerId, sku))
                .post("/api/v1/sales/offers")
                .then()
                .statusCode(201)
                .body("status", equalTo("DRAFT"))
                .extract()
                .response();
        String offerId = offer.path("id");
        BigDecimal grossTotal = offer.path("grossTotal");
        // 3 days at 1,200.00 plus 19 % VAT
        assertThat(grossTotal).isEqualByComparingTo("4284.00");

        asAdmin()
                .post("/api/v1/sales/offers/{id}/send", offerId)
                .then()
                .statusCode(200)
                .body("status", equalTo("SENT"));
        asAdmin()
                .post("/api/v1/sales/offers/{id}/accept", offerId)
                .then()
                .statusCode(200)
                .body("status", equalTo("ACCEPTED"));

        await("the invoice for offer " + offerId)
                .atMost(EVENT_DELIVERY)
                .until(() -> invoicesFor(customerId, offerId), invoices -> !invoices.isEmpty());
        // Exactly one, also a moment later: a redelivered offer-accepted event must not bill twice.
        await("no second invoice for offer " + offerId)
                .during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(15))
                .until(() -> invoicesFor(customerId, offerId).size() == 1);
        Map<String, Object> invoice = invoicesFor(customerId, offerId).get(0);
        assertThat(invoice.get("status")).isEqualTo("ISSUED");
        assertThat((BigDecimal) invoice.get("grossTotal")).isEqualByComparingTo(grossTotal);
        assertThat((String) invoice.get("invoiceNumber")).matches("RE-\\d{4}-\\d{6}");

        await("the project for offer " + offerId).atMost(EVENT_DELIVERY).untilAsserted(() -> {
            List<Map<String, Object>> projects = asAdmin()
                    .queryParam("customerId", customerId)
                    .get("/api/v1/projects")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("items");
            assertThat(projects)
                    .filteredOn(project -> offerId.equals(project.get("offerId")))
                    .singleElement()
                    .satisfies(
                            project -> assertThat(project.get("kickoffStatus")).isEqualTo("PROPOSED"));
        });

        // An accepted offer cannot be accepted again.
        asAdmin()
                .post("/api/v1/sales/offers/{id}/accept", offerId)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409));
    }

    /** A request that is wrong in one way, and the field the answer must name (null: no field to name). */
    record BadInput(String description, String method, String path, String body, int status, String field) {

        @Override
        public String toString() {
            return description;
        }
    }

    static Stream<BadInput> badInput() {
        String unknownId = UUID.randomUUID().toString();
        return Stream.of(
                new BadInput("a customer without a name", "POST", "/api/v1/sales/customers", """
                        {"type": "BUSINESS", "email": "einkauf@example.org",
                         "billingAddress": {"street": "Speicherstadt 1", "postalCode": "20457", "city": "Hamburg", "country": "DE"}}
                        """, 400, "name"),
                new BadInput(
                        "a customer with an email without a domain",
                        "POST",
                        "/api/v1/sales/customers",
                        """
                        {"name": "Nobody", "type": "CONSUMER", "email": "nobody",
                         "billingAddress": {"street": "Speicherstadt 1", "postalCode": "20457", "city": "Hamburg", "country": "DE"}}
                        """,
                        400,
                        "email"),
                new BadInput(
                        "a customer whose address lacks the city",
                        "POST",
                        "/api/v1/sales/customers",
                        """
                        {"name": "Nobody", "type": "CONSUMER", "email": "nobody@example.org",
                         "billingAddress": {"street": "Speicherstadt 1", "postalCode": "20457", "country": "DE"}}
                        """,
                        400,
                        "billingAddress.city"),
                new BadInput("a body that is not JSON", "POST", "/api/v1/sales/customers", "{\"name\": ", 400, null),
                new BadInput(
                        "a product at a VAT rate Germany does not have",
                        "POST",
                        "/api/v1/sales/products",
                        """
                        {"sku": "SYS-VAT", "name": "Odd", "unitPrice": 10.00, "vatRate": 20, "unit": "piece"}
                        """,
                        400,
                        "vatRate"),
                new BadInput(
                        "an offer with an unknown billing mode",
                        "POST",
                        "/api/v1/sales/offers",
                        """
                        {"customerId": "%s", "lines": [{"sku": "X", "quantity": 1}], "billing": "SOMETIMES"}
                        """.formatted(unknownId),
                        400,
                        "billing"),
                new BadInput(
                        "an offer for a customer that does not exist",
                        "POST",
                        "/api/v1/sales/offers",
                        """
                        {"customerId": "%s", "lines": [{"sku": "X", "quantity": 1}], "billing": "ON_ACCEPTANCE"}
                        """.formatted(unknownId),
                        400,
                        "customerId"),
                new BadInput(
                        "an offer without lines",
                        "POST",
                        "/api/v1/sales/offers",
                        """
                        {"customerId": "%s", "lines": [], "billing": "ON_ACCEPTANCE"}
                        """.formatted(unknownId),
                        400,
                        "lines"),
                new BadInput(
                        "accepting an offer that does not exist",
                        "POST",
                        "/api/v1/sales/offers/" + unknownId + "/accept",
                        null,
                        404,
                        null),
                new BadInput(
                        "a customer accounting does not know",
                        "GET",
                        "/api/v1/accounting/customers/" + unknownId,
                        null,
                        404,
                        null),
                new BadInput(
                        "invoices of a customer id that is no UUID",
                        "GET",
                        "/api/v1/accounting/invoices?customerId=K-1",
                        null,
                        400,
                        "customerId"),
                new BadInput(
                        "invoices in a status that does not exist",
                        "GET",
                        "/api/v1/accounting/invoices?status=LOST",
                        null,
                        400,
                        "status"),
                new BadInput(
                        "projects of a customer id that is no UUID",
                        "GET",
                        "/api/v1/projects?customerId=K-1",
                        null,
                        400,
                        "customerId"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void bad_input_is_answered_through_the_gateway_with_problem_details(BadInput input) {
        var request = asAdmin();
        if (input.body() != null) {
            request.body(input.body());
        }
        Response answer = request.request(input.method(), input.path());

        assertThat(answer.statusCode())
                .as("%s: %s %s answered %s", input, input.method(), input.path(), answer.asString())
                .isEqualTo(input.status());
        answer.then()
                .contentType("application/problem+json")
                .header("X-Correlation-Id", notNullValue())
                .body("status", equalTo(input.status()))
                .body("type", notNullValue())
                .body("title", notNullValue());
        if (input.field() != null) {
            List<String> fields = answer.path("violations.field");
            assertThat(fields).as("fields named in %s", answer.asString()).contains(input.field());
        }
    }

    @Test
    void a_request_without_a_token_is_refused_by_the_gateway_with_problem_details() {
        given().baseUri(platform.gatewayUrl())
                .get("/api/v1/sales/customers")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401));
    }
}
