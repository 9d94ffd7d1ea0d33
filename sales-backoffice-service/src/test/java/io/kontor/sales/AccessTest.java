package io.kontor.sales;

import static io.kontor.sales.SalesApi.BASE;
import static io.kontor.sales.SalesApi.as;
import static io.kontor.sales.SalesApi.createOffer;
import static io.kontor.sales.SalesApi.createProduct;
import static io.kontor.sales.SalesApi.customerBody;
import static io.kontor.sales.SalesApi.offerBody;
import static io.kontor.sales.SalesApi.registerCustomer;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.kontor.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sales, middle-office and admin may do everything here; front-office systems may read products and make and read
 * offers.
 */
@QuarkusTest
class AccessTest {

    private static final String ANY_ID = UUID.randomUUID().toString();

    static Stream<Arguments> endpoints() {
        return Stream.of(
                arguments("GET", "/customers"),
                arguments("GET", "/customers/" + ANY_ID),
                arguments("PUT", "/customers/" + ANY_ID),
                arguments("POST", "/products"),
                arguments("GET", "/products"),
                arguments("POST", "/offers"),
                arguments("GET", "/offers"),
                arguments("GET", "/offers/" + ANY_ID),
                arguments("POST", "/offers/" + ANY_ID + "/send"),
                arguments("POST", "/offers/" + ANY_ID + "/accept"),
                arguments("POST", "/offers/" + ANY_ID + "/reject"),
                arguments("GET", "/offer-templates"),
                arguments("GET", "/offer-templates/" + ANY_ID));
    }

    @ParameterizedTest(name = "{0} {1} without a token is a 401")
    @MethodSource("endpoints")
    void no_token_is_a_401_problem(String method, String path) {
        given().basePath(BASE)
                .contentType(ContentType.JSON)
                .body("{}")
                .request(method, path)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
    }

    @ParameterizedTest(name = "{0} {1} as hr is a 403")
    @MethodSource("endpoints")
    void a_role_without_business_in_sales_is_a_403_problem(String method, String path) {
        as("hr").body("{}").request(method, path).then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void an_expired_or_forged_token_is_a_401() {
        given().basePath(BASE)
                .header("Authorization", TestTokens.expired("sales"))
                .get("/customers")
                .then()
                .statusCode(401);
        given().basePath(BASE)
                .header("Authorization", TestTokens.tampered("front-office"))
                .get("/customers")
                .then()
                .statusCode(401);
    }

    static Stream<Arguments> frontOfficeRefused() {
        return Stream.of(
                arguments("GET", "/customers"),
                arguments("GET", "/customers/" + ANY_ID),
                arguments("PUT", "/customers/" + ANY_ID),
                arguments("POST", "/products"),
                arguments("POST", "/offers/" + ANY_ID + "/send"),
                arguments("POST", "/offers/" + ANY_ID + "/accept"),
                arguments("POST", "/offers/" + ANY_ID + "/reject"),
                arguments("GET", "/offer-templates"),
                arguments("GET", "/offer-templates/" + ANY_ID));
    }

    @ParameterizedTest(name = "front-office: {0} {1} is a 403")
    @MethodSource("frontOfficeRefused")
    void front_office_may_not_keep_customers_or_products_nor_move_offers(String method, String path) {
        as("front-office")
                .body(customerBody("Shop Kunde GmbH"))
                .request(method, path)
                .then()
                .statusCode(403);
    }

    @Test
    void front_office_may_read_products_and_make_and_read_offers() {
        String customerId = registerCustomer("Webshop Kunde GmbH").getString("id");
        String sku = createProduct("Lizenz", "99.00", 19);

        as("front-office").get("/products").then().statusCode(200);
        String id = as("front-office")
                .body(offerBody(customerId, "[{\"sku\": \"" + sku + "\", \"quantity\": 1}]"))
                .post("/offers")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as("front-office").get("/offers/" + id).then().statusCode(200);
        as("front-office")
                .queryParam("customerId", customerId)
                .get("/offers")
                .then()
                .statusCode(200);
    }

    @ParameterizedTest(name = "{0} may register customers and move offers")
    @MethodSource("backOfficeRoles")
    void sales_middle_office_and_admin_may_do_everything(String role) {
        String customerId = as(role).body(customerBody("Rolle " + role + " GmbH"))
                .post("/customers")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String id = createOffer(customerId);
        as(role).post("/offers/" + id + "/send").then().statusCode(200);
        as(role).post("/offers/" + id + "/accept").then().statusCode(200);
    }

    static Stream<Arguments> backOfficeRoles() {
        return Stream.of(arguments("sales"), arguments("middle-office"), arguments("admin"));
    }
}
