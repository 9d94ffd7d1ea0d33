package io.kontor.sales.offer;

import static io.kontor.sales.SalesApi.as;
import static io.kontor.sales.SalesApi.awaitEvent;
import static io.kontor.sales.SalesApi.createOffer;
import static io.kontor.sales.SalesApi.createOfferIn;
import static io.kontor.sales.SalesApi.createProduct;
import static io.kontor.sales.SalesApi.json;
import static io.kontor.sales.SalesApi.offerBody;
import static io.kontor.sales.SalesApi.registerCustomer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.kontor.platform.events.CloudEventHeaders;
import io.kontor.sales.SalesApi;
import io.kontor.testing.MutableClock;
import io.kontor.testing.TestInfra;
import io.kontor.testing.TestKafka;
import io.kontor.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
class OfferResourceTest {

    private static final String SENT = "kontor.sales.offer-sent.v1";
    private static final String ACCEPTED = "kontor.sales.offer-accepted.v1";
    private static final String REJECTED = "kontor.sales.offer-rejected.v1";

    @Inject
    MutableClock clock;

    @AfterEach
    void followTheSystemClockAgain() {
        clock.reset();
    }

    @Test
    void making_an_offer_prices_it_from_the_catalogue_and_answers_a_draft() {
        String customerId = registerCustomer("Angebot GmbH").getString("id");
        String consulting = createProduct("Beratung", "120.00", 19);
        String books = createProduct("Fachbuch", "49.90", 7);

        Response response = as("sales")
                .body(offerBody(customerId, """
                [{"sku": "%s", "quantity": 10, "discountPercent": 5},
                 {"sku": "%s", "quantity": 3, "unitPrice": 45.00}]
                """.formatted(consulting, books)))
                .post("/offers");

        response.then().statusCode(201);
        JsonPath offer = json(response.asString());
        assertThat(response.header("Location")).endsWith("/api/v1/sales/offers/" + offer.getString("id"));
        assertThat(offer.getString("offerNumber")).matches("AN-\\d{4}-\\d{6}");
        assertThat(offer.getString("status")).isEqualTo("DRAFT");
        assertThat(offer.getString("currency")).isEqualTo("EUR");
        assertThat(offer.getString("billing")).isEqualTo("ON_ACCEPTANCE");
        assertThat(LocalDate.parse(offer.getString("validUntil")))
                .isEqualTo(LocalDate.parse(offer.getString("issueDate")).plusDays(30));
        assertThat(offer.getList("lines.description")).containsExactly("Beratung", "Fachbuch");
        assertThat(offer.getList("lines.unitPrice", BigDecimal.class))
                .containsExactly(new BigDecimal("120.00"), new BigDecimal("45.00"));
        // 10 × 120.00 − 5 % = 1140.00 at 19 %; 3 × 45.00 = 135.00 at 7 %
        assertThat(offer.getList("lines.netAmount", BigDecimal.class))
                .containsExactly(new BigDecimal("1140.00"), new BigDecimal("135.00"));
        assertThat(offer.getObject("netTotal", BigDecimal.class)).isEqualTo(new BigDecimal("1275.00"));
        assertThat(offer.getObject("vatTotal", BigDecimal.class)).isEqualTo(new BigDecimal("226.05")); // 216.60 + 9.45
        assertThat(offer.getObject("grossTotal", BigDecimal.class)).isEqualTo(new BigDecimal("1501.05"));
        assertThat(offer.getList("vatBreakdown.vat", BigDecimal.class))
                .containsExactly(new BigDecimal("216.60"), new BigDecimal("9.45"));
    }

    @Test
    void half_cents_of_lines_and_of_vat_round_up() {
        String customerId = registerCustomer("Rundung GmbH").getString("id");
        String a = createProduct("Kleinteil", "10.05", 19);
        String b = createProduct("Broschüre", "1.50", 7);

        JsonPath offer = json(as("sales")
                .body(offerBody(customerId, """
                [{"sku": "%s", "quantity": 1, "discountPercent": 50},
                 {"sku": "%s", "quantity": 1}]
                """.formatted(a, b)))
                .post("/offers")
                .then()
                .statusCode(201)
                .extract()
                .asString());

        // 10.05 × 50 % = 5.025 → 5.03; VAT 19 % of 5.03 = 0.9557 → 0.96; 7 % of 1.50 = 0.105 → 0.11
        assertThat(offer.getList("lines.netAmount", BigDecimal.class))
                .containsExactly(new BigDecimal("5.03"), new BigDecimal("1.50"));
        assertThat(offer.getObject("netTotal", BigDecimal.class)).isEqualTo(new BigDecimal("6.53"));
        assertThat(offer.getObject("vatTotal", BigDecimal.class)).isEqualTo(new BigDecimal("1.07"));
        assertThat(offer.getObject("grossTotal", BigDecimal.class)).isEqualTo(new BigDecimal("7.60"));
    }

    @Test
    void the_offer_is_stored_as_answered() {
        String id = createOffer(registerCustomer("Wiedersehen GmbH").getString("id"));

        JsonPath offer = json(as("sales")
                .get("/offers/" + id)
                .then()
                .statusCode(200)
                .extract()
                .asString());

        assertThat(offer.getString("status")).isEqualTo("DRAFT");
        assertThat(offer.getList("lines.quantity", BigDecimal.class)).containsExactly(new BigDecimal("2.000"));
        assertThat(offer.getObject("grossTotal", BigDecimal.class)).isEqualTo(new BigDecimal("238.00"));
    }

    @Test
    void sending_an_offer_publishes_offer_sent() {
        String id = createOffer(registerCustomer("Versand GmbH").getString("id"));

        as("sales").post("/offers/" + id + "/send").then().statusCode(200).body("status", equalTo("SENT"));

        JsonPath data = json(awaitEvent("sales.offers", id, SENT).value());
        assertThat(data.getString("offerId")).isEqualTo(id);
        assertThat(data.getObject("grossTotal", BigDecimal.class)).isEqualTo(new BigDecimal("238.00"));
    }

    @Test
    void accepting_an_offer_publishes_offer_accepted_with_customer_lines_and_totals() {
        JsonPath customer = registerCustomer("Zuschlag GmbH");
        String customerId = customer.getString("id");
        String consulting = createProduct("Beratung", "150.00", 19);
        String training = createProduct("Schulungsunterlagen", "12.34", 7);
        String id = as("sales")
                .body("""
                {"customerId": "%s", "billing": "MILESTONES",
                 "lines": [{"sku": "%s", "quantity": 8, "discountPercent": 10}, {"sku": "%s", "quantity": 5}]}
                """.formatted(customerId, consulting, training))
                .post("/offers")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as("sales").post("/offers/" + id + "/send").then().statusCode(200);

        as("sales").post("/offers/" + id + "/accept").then().statusCode(200).body("status", equalTo("ACCEPTED"));

        ConsumerRecord<String, String> event = awaitEvent("sales.offers", id, ACCEPTED);
        assertThat(event.key()).isEqualTo(id);
        assertThat(TestKafka.header(event, CloudEventHeaders.SUBJECT)).isEqualTo(id);
        assertThat(TestKafka.header(event, CloudEventHeaders.SOURCE)).isEqualTo("/kontor/sales-backoffice-service");
        assertThat(TestKafka.header(event, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        JsonPath data = json(event.value());
        assertThat(data.getString("offerId")).isEqualTo(id);
        assertThat(data.getString("offerNumber")).matches("AN-\\d{4}-\\d{6}");
        assertThat(data.getInt("revision")).isEqualTo(1);
        assertThat(data.getString("customerId")).isEqualTo(customerId);
        assertThat(data.getString("customer.customerNumber")).isEqualTo(customer.getString("customerNumber"));
        assertThat(data.getString("customer.name")).isEqualTo("Zuschlag GmbH");
        assertThat(data.getString("customer.vatId")).isEqualTo("DE811907980");
        assertThat(data.getInt("customer.paymentTermDays")).isEqualTo(30);
        assertThat(data.getString("customer.billingAddress.city")).isEqualTo("Hamburg");
        assertThat(data.getString("billing")).isEqualTo("MILESTONES");
        assertThat(data.getString("currency")).isEqualTo("EUR");
        assertThat(data.getList("lines.sku")).containsExactly(consulting, training);
        assertThat(data.getList("lines.description")).containsExactly("Beratung", "Schulungsunterlagen");
        assertThat(data.getList("lines.unit")).containsExactly("h", "h");
        assertThat(data.getList("lines.quantity", BigDecimal.class))
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("8"), new BigDecimal("5"));
        assertThat(data.getList("lines.unitPrice", BigDecimal.class))
                .containsExactly(new BigDecimal("150.00"), new BigDecimal("12.34"));
        assertThat(data.getList("lines.discountPercent", BigDecimal.class))
                .containsExactly(new BigDecimal("10.00"), new BigDecimal("0.00"));
        assertThat(data.getList("lines.vatRate", Integer.class)).containsExactly(19, 7);
        // 8 × 150.00 − 10 % = 1080.00; 5 × 12.34 = 61.70; VAT 205.20 + 4.319 → 4.32
        assertThat(data.getList("lines.netAmount", BigDecimal.class))
                .containsExactly(new BigDecimal("1080.00"), new BigDecimal("61.70"));
        assertThat(data.getObject("netTotal", BigDecimal.class)).isEqualTo(new BigDecimal("1141.70"));
        assertThat(data.getObject("vatTotal", BigDecimal.class)).isEqualTo(new BigDecimal("209.52"));
        assertThat(data.getObject("grossTotal", BigDecimal.class)).isEqualTo(new BigDecimal("1351.22"));
        assertThat(Instant.parse(data.getString("acceptedAt"))).isNotNull();
    }

    @Test
    void rejecting_a_sent_offer_publishes_offer_rejected_with_the_reason() {
        String id = createOfferIn("SENT");

        as("sales")
                .body("{\"reason\": \"Budget gestrichen\"}")
                .post("/offers/" + id + "/reject")
                .then()
                .statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("rejectionReason", equalTo("Budget gestrichen"));

        assertThat(json(awaitEvent("sales.offers", id, REJECTED).value()).getString("reason"))
                .isEqualTo("Budget gestrichen");
    }

    static Stream<Arguments> illegalTransitions() {
        return Stream.of(
                arguments("DRAFT", "accept"),
                arguments("DRAFT", "reject"),
                arguments("SENT", "send"),
                arguments("ACCEPTED", "send"),
                arguments("ACCEPTED", "accept"),
                arguments("ACCEPTED", "reject"),
                arguments("REJECTED", "send"),
                arguments("REJECTED", "accept"),
                arguments("REJECTED", "reject"));
    }

    @ParameterizedTest(name = "{1} a {0} offer is a 409")
    @MethodSource("illegalTransitions")
    void every_illegal_transition_answers_409_and_changes_nothing(String status, String action) {
        String id = createOfferIn(status);

        as("sales")
                .body("{\"reason\": \"zu spät\"}")
                .post("/offers/" + id + "/" + action)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:kontor:problem:conflict"))
                .body("detail", containsString(status));

        as("sales").get("/offers/" + id).then().statusCode(200).body("status", equalTo(status));
    }

    @Test
    void an_offer_past_its_validity_can_no_longer_be_accepted() {
        clock.set(Instant.parse("2030-03-01T09:00:00Z"));
        String id = createOfferIn("SENT");
        as("sales").get("/offers/" + id).then().body("validUntil", equalTo("2030-03-31"));

        clock.set(Instant.parse("2030-03-31T21:59:00Z")); // 23:59 in Berlin: still the last valid day
        String lastDay = createOfferIn("SENT");
        clock.set(Instant.parse("2030-03-31T22:00:00Z")); // midnight in Berlin: April

        as("sales")
                .post("/offers/" + id + "/accept")
                .then()
                .statusCode(409)
                .body("detail", containsString("valid until 2030-03-31"));
        as("sales").post("/offers/" + lastDay + "/accept").then().statusCode(200);
    }

    @Test
    void offer_numbers_count_per_year_of_the_sellers_calendar() {
        clock.set(Instant.parse("2031-12-31T23:30:00Z")); // already 1 January 2032 in Berlin
        String customerId = registerCustomer("Neujahr GmbH").getString("id");

        String first = as("sales").get("/offers/" + createOffer(customerId)).path("offerNumber");
        String second = as("sales").get("/offers/" + createOffer(customerId)).path("offerNumber");

        assertThat(List.of(first, second)).containsExactly("AN-2032-000001", "AN-2032-000002");
        as("sales").get("/offers/" + createOffer(customerId)).then().body("issueDate", equalTo("2032-01-01"));
    }

    @Test
    void offers_are_listed_by_customer_and_status() {
        String customerId = registerCustomer("Liste GmbH").getString("id");
        String draft = createOffer(customerId);
        String sent = createOffer(customerId);
        as("sales").post("/offers/" + sent + "/send").then().statusCode(200);

        as("sales")
                .queryParam("customerId", customerId)
                .get("/offers")
                .then()
                .statusCode(200)
                .body("total", equalTo(2));
        as("sales")
                .queryParam("customerId", customerId)
                .queryParam("status", "SENT")
                .get("/offers")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(sent));
        as("sales")
                .queryParam("customerId", customerId)
                .queryParam("status", "DRAFT")
                .get("/offers")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(draft)));
        as("sales")
                .queryParam("status", "MAYBE")
                .get("/offers")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("status"));
        as("sales")
                .queryParam("customerId", "not-a-uuid")
                .get("/offers")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("customerId"));
    }

    @Test
    void a_customer_on_credit_hold_gets_no_new_offer() throws Exception {
        String customerId = registerCustomer("Säumig GmbH").getString("id");
        putOnCreditHold(customerId);
        String sku = createProduct("Beratung", "100.00", 19);

        as("sales")
                .body(offerBody(customerId, "[{\"sku\": \"" + sku + "\", \"quantity\": 1}]"))
                .post("/offers")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("credit hold"));
        as("sales").queryParam("customerId", customerId).get("/offers").then().body("total", equalTo(0));
    }

    @Test
    void an_unknown_offer_is_a_404_problem() {
        as("sales").get("/offers/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        as("sales").post("/offers/" + UUID.randomUUID() + "/send").then().statusCode(404);
    }

    @Test
    void the_same_idempotency_key_makes_the_offer_once() {
        String customerId = registerCustomer("Doppelklick GmbH").getString("id");
        String sku = createProduct("Beratung", "100.00", 19);
        String body = offerBody(customerId, "[{\"sku\": \"" + sku + "\", \"quantity\": 1}]");
        String key = UUID.randomUUID().toString();

        String first = as("front-office")
                .header("Idempotency-Key", key)
                .body(body)
                .post("/offers")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String again = as("front-office")
                .header("Idempotency-Key", key)
                .body(body)
                .post("/offers")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .extract()
                .path("id");

        assertThat(again).isEqualTo(first);
        as("sales").queryParam("customerId", customerId).get("/offers").then().body("total", equalTo(1));
    }

    @Test
    void a_front_office_system_sees_only_the_offers_it_made_and_staff_see_all() {
        String sku = createProduct("Lizenz", "49.00", 19);
        String shopToken = TestTokens.bearerFor("web-shop", "front-office");
        String crmToken = TestTokens.bearerFor("crm", "front-office");
        String shopCustomer = registerCustomerAs(shopToken, "Webshop GmbH");
        String crmCustomer = registerCustomerAs(crmToken, "CRM Kunde GmbH");

        String shopOffer = frontOffice(shopToken)
                .body(offerBody(shopCustomer, "[{\"sku\": \"" + sku + "\", \"quantity\": 2}]"))
                .post("/offers")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String crmOffer = frontOffice(crmToken)
                .body(offerBody(crmCustomer, "[{\"sku\": \"" + sku + "\", \"quantity\": 2}]"))
                .post("/offers")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        frontOffice(shopToken).get("/offers/" + shopOffer).then().statusCode(200);
        frontOffice(shopToken).get("/offers/" + shopOffer + "/pdf").then().statusCode(200);
        frontOffice(crmToken)
                .get("/offers/" + shopOffer)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        frontOffice(crmToken).get("/offers/" + shopOffer + "/pdf").then().statusCode(404);
        List<String> crmSeesOfShopsCustomer = frontOffice(crmToken)
                .queryParam("customerId", shopCustomer)
                .get("/offers")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.id");
        assertThat(crmSeesOfShopsCustomer).isEmpty();
        List<String> shopSees = frontOffice(shopToken)
                .queryParam("customerId", shopCustomer)
                .get("/offers")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.id");
        assertThat(shopSees).containsExactly(shopOffer);
        assertThat(as("sales")
                        .queryParam("customerId", crmCustomer)
                        .get("/offers")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("items.id", String.class))
                .containsExactly(crmOffer);
    }

    private static String registerCustomerAs(String token, String name) {
        return frontOffice(token)
                .body(SalesApi.customerBody(name))
                .post("/customers")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static RequestSpecification frontOffice(String token) {
        return given().header("Authorization", token)
                .contentType(ContentType.JSON)
                .basePath(SalesApi.BASE);
    }

    /** Sets the hold behind the service's back, to test the refusal alone; InvoiceEventsTest sets it the real way. */
    private static void putOnCreditHold(String customerId) throws Exception {
        try (Connection connection = DriverManager.getConnection(
                        TestInfra.jdbcUrl(),
                        TestInfra.postgres().username(),
                        TestInfra.postgres().password());
                PreparedStatement update =
                        connection.prepareStatement("update customer set credit_hold = true where id = ?")) {
            update.setObject(1, UUID.fromString(customerId));
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
