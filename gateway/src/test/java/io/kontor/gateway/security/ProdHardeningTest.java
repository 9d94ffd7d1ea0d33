package io.kontor.gateway.security;

import static io.restassured.RestAssured.given;

import io.kontor.gateway.devtoken.NoDevTokensInProdTest;
import io.kontor.platform.security.Roles;
import io.kontor.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The production profile (issue #24): the API's description and Swagger UI only for a caller with a token, and the
 * security headers on every answer, a refusal included.
 */
@QuarkusTest
@TestProfile(NoDevTokensInProdTest.Prod.class)
class ProdHardeningTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/q/openapi", "/q/openapi-gateway", "/q/swagger-ui/"})
    void the_api_description_needs_a_token_in_production(String path) {
        given().when().get(path).then().statusCode(401);
        given().header("Authorization", TestTokens.bearer(Roles.SALES))
                .when()
                .get(path)
                .then()
                .statusCode(200);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/v1/sales/customers", "/api/v1/nothing-here"})
    void api_answers_carry_hsts_nosniff_and_no_store(String path) {
        given().header("Authorization", TestTokens.bearer(Roles.FRONT_OFFICE))
                .when()
                .get(path)
                .then()
                .header("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store");
    }
}
