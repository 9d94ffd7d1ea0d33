package io.kontor.sales.offer;

import static io.kontor.sales.SalesApi.as;
import static io.kontor.sales.SalesApi.createOffer;
import static io.kontor.sales.SalesApi.registerCustomer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.kontor.platform.security.Roles;
import io.kontor.sales.SalesApi;
import io.kontor.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * API.md documents the action endpoints as plain POSTs: no body, and for accept an optional {@code {chosenOptions}}. A
 * client that sends nothing sends no Content-Type either.
 */
@QuarkusTest
class BodylessActionsTest {

    @Test
    void an_offer_is_sent_and_accepted_by_posts_without_body_or_content_type() throws Exception {
        String id = createOffer(registerCustomer("Ohne Body GmbH").getString("id"));

        assertThat(postWithoutBody(SalesApi.BASE + "/offers/" + id + "/send", Roles.SALES))
                .isEqualTo(200);
        assertThat(postWithoutBody(SalesApi.BASE + "/offers/" + id + "/accept", Roles.SALES))
                .as(LAST_BODY.get())
                .isEqualTo(200);
        as("sales").get("/offers/" + id).then().body("status", equalTo("ACCEPTED"));
    }

    @Test
    void accept_with_an_empty_json_body_or_with_chosen_options_works_too() {
        String empty = sentOfferWithOption();
        bare().contentType("application/json")
                .post("/offers/" + empty + "/accept")
                .then()
                .statusCode(200)
                .body("lines.chosen", contains(false, false));

        String chosen = sentOfferWithOption();
        as("sales")
                .body("{\"chosenOptions\": [2]}")
                .post("/offers/" + chosen + "/accept")
                .then()
                .statusCode(200)
                .body("lines.chosen", contains(false, true));
    }

    @Test
    void accept_with_a_body_that_is_not_json_is_refused_as_415() {
        String id = sentOfferWithOption();

        bare().contentType("text/plain")
                .body("chosenOptions=2")
                .post("/offers/" + id + "/accept")
                .then()
                .statusCode(415);
    }

    private static String sentOfferWithOption() {
        String customer = registerCustomer("Option GmbH").getString("id");
        String sku = SalesApi.createProduct("Beratung", "100.00", 19);
        String id = as("sales")
                .body(SalesApi.offerBody(
                        customer,
                        "[{\"sku\": \"" + sku + "\", \"quantity\": 1}," + " {\"sku\": \"" + sku
                                + "\", \"quantity\": 1, \"optional\": true}]"))
                .post("/offers")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as("sales").post("/offers/" + id + "/send").then().statusCode(200);
        return id;
    }

    /** A POST as curl sends it without -d: no body, no Content-Type (RestAssured would add text/plain). */
    private static int postWithoutBody(String path, String role) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .header("Authorization", TestTokens.bearer(role))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        LAST_BODY.set(response.body());
        return response.statusCode();
    }

    private static final ThreadLocal<String> LAST_BODY = new ThreadLocal<>();

    private static RequestSpecification bare() {
        return given().header("Authorization", TestTokens.bearer(Roles.SALES)).basePath(SalesApi.BASE);
    }
}
