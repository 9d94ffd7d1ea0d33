package io.kontor.gateway.devtoken;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.kontor.platform.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The gateway as the launcher runs it on a laptop: profile local, development tokens on. */
@QuarkusTest
@TestProfile(DevTokensTest.Local.class)
class DevTokensTest {

    public static class Local implements QuarkusTestProfile {

        @Override
        public String getConfigProfile() {
            return "local";
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    // The development key from dev-infra, on the test class path through test-support.
                    "kontor.gateway.dev-tokens.signing-key-location", "io/kontor/devinfra/dev-jwt-private.pem",
                    "kontor.gateway.events.enabled", "false");
        }
    }

    @Test
    void a_minted_token_opens_the_api_with_its_role() {
        String token = given().contentType("application/json")
                .body("{\"roles\":[\"admin\"],\"subject\":\"launcher\"}")
                .when()
                .post(DevTokens.PATH)
                .then()
                .statusCode(200)
                .body("subject", equalTo("launcher"))
                .body("roles[0]", equalTo("admin"))
                .extract()
                .path("token");

        // Accepted and allowed: admin gets as far as the check of the id (400), not 401 or 403.
        given().header("Authorization", "Bearer " + token)
                .when()
                .get("/api/v1/customers/not-a-uuid/overview")
                .then()
                .statusCode(400);
    }

    @Test
    void a_minted_token_carries_only_its_role() {
        String token = given().contentType("application/json")
                .body("{\"roles\":[\"front-office\"]}")
                .when()
                .post(DevTokens.PATH)
                .then()
                .statusCode(200)
                .extract()
                .path("token");

        given().header("Authorization", "Bearer " + token)
                .when()
                .get("/api/v1/customers/not-a-uuid/overview")
                .then()
                .statusCode(403);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{}", "{\"roles\":[]}", "{\"roles\":[\"root\"]}", "{\"roles\":\"admin\"}", "[\"admin\"]"})
    void roles_that_are_missing_or_unknown_are_400_naming_the_field(String body) {
        given().contentType("application/json")
                .body(body)
                .when()
                .post(DevTokens.PATH)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", body.startsWith("[") ? equalTo("body") : equalTo("roles"));
    }

    @Test
    void every_role_of_the_platform_can_be_minted() {
        for (String role : Roles.ALL) {
            given().contentType("application/json")
                    .body("{\"roles\":[\"" + role + "\"]}")
                    .when()
                    .post(DevTokens.PATH)
                    .then()
                    .statusCode(200);
        }
    }
}
