package io.kontor.sales.offer;

import static io.kontor.sales.SalesApi.createProduct;
import static io.kontor.sales.SalesApi.customerBody;
import static io.kontor.sales.SalesApi.offerBody;
import static io.kontor.sales.SalesApi.registerCustomer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.kontor.sales.SalesApi;
import io.kontor.testing.TestInfra;
import io.kontor.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A front-office system makes offers only for the customers it registered itself (OWASP API1/API3, issue #24). Whether
 * another's customer exists, its number, or its credit hold must not be learnt from the answer: unknown, foreign and
 * held customers get one and the same 400.
 */
@QuarkusTest
class FrontOfficeCustomersTest {

    String shop;
    String sku;
    String lines;

    @BeforeEach
    void aShopAndAProduct() {
        shop = TestTokens.bearerFor("web-shop-" + UUID.randomUUID(), "front-office");
        sku = createProduct("Lizenz", "49.00", 19);
        lines = "[{\"sku\": \"" + sku + "\", \"quantity\": 1}]";
    }

    @Test
    void a_front_office_system_offers_to_the_customer_it_registered() {
        String customer = registerAs(shop, "Eigener Kunde GmbH");

        as(shop).body(offerBody(customer, lines)).post("/offers").then().statusCode(201);
    }

    @Test
    void unknown_foreign_and_held_customers_get_one_neutral_answer_without_a_customer_number() throws Exception {
        JsonPath foreign = registerCustomer("Fremder Kunde GmbH"); // by sales
        String held = registerAs(shop, "Gesperrter Kunde GmbH");
        putOnCreditHold(held);

        Map<String, Object> unknownAnswer = refused(UUID.randomUUID().toString());
        Map<String, Object> foreignAnswer = refused(foreign.getString("id"));
        Map<String, Object> heldAnswer = refused(held);

        assertThat(foreignAnswer).isEqualTo(unknownAnswer);
        assertThat(heldAnswer).isEqualTo(unknownAnswer);
        assertThat(unknownAnswer.toString())
                .doesNotContain(foreign.getString("customerNumber"))
                .doesNotContain("K-")
                .doesNotContainIgnoringCase("credit hold");
    }

    @Test
    void a_front_office_system_may_not_copy_a_template_it_may_not_read() {
        String customer = registerAs(shop, "Vorlagen Kunde GmbH");

        as(shop).body("{\"customerId\": \"%s\", \"billing\": \"ON_ACCEPTANCE\", \"templateId\": \"%s\", \"lines\": %s}"
                        .formatted(customer, UUID.randomUUID(), lines))
                .post("/offers")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", org.hamcrest.Matchers.hasItem("templateId"));
    }

    /**
     * Ownership follows the token's issuer and subject, not its {@code upn}: a second system whose identity provider
     * gives it the same {@code upn} is another caller (issue #24).
     */
    @Test
    void ownership_is_keyed_on_issuer_and_subject_not_on_the_upn() {
        String first = TestTokens.bearerWithUpn("shop-a-" + UUID.randomUUID(), "shop", "front-office");
        String second = TestTokens.bearerWithUpn("shop-b-" + UUID.randomUUID(), "shop", "front-office");
        String customer = registerAs(first, "Upn Kunde GmbH");
        String offer = as(first)
                .body(offerBody(customer, lines))
                .post("/offers")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        as(second).get("/offers/" + offer).then().statusCode(404);
        assertThat(as(second)
                        .get("/offers")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("items.id"))
                .doesNotContain(offer);
        as(second).body(offerBody(customer, lines)).post("/offers").then().statusCode(400);
        as(first).get("/offers/" + offer).then().statusCode(200);
    }

    private Map<String, Object> refused(String customerId) {
        return as(shop)
                .body(offerBody(customerId, lines))
                .post("/offers")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .extract()
                .jsonPath()
                .<String, Object>getMap("")
                .entrySet()
                .stream()
                .filter(e -> !List.of("correlationId", "instance").contains(e.getKey()))
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static String registerAs(String token, String name) {
        return as(token)
                .body(customerBody(name))
                .post("/customers")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static RequestSpecification as(String token) {
        return given().header("Authorization", token)
                .contentType(ContentType.JSON)
                .basePath(SalesApi.BASE);
    }

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
