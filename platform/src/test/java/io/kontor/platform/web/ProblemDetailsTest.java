package io.kontor.platform.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.kontor.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProblemDetailsTest {

    private static final String VALID = "{\"title\":\"hello\",\"meta\":{\"priority\":1,\"kind\":\"MEMO\"}}";

    @Test
    void malformed_json_is_a_400_problem() {
        given().header("Authorization", TestTokens.bearer("sales"))
                .contentType(ContentType.JSON)
                .body("{\"title\": ")
                .when()
                .post("/test/notes")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("type", equalTo("urn:kontor:problem:malformed-json"));
    }

    @Test
    void a_violated_constraint_names_the_field() {
        given().header("Authorization", TestTokens.bearer("sales"))
                .contentType(ContentType.JSON)
                .body("{\"title\":\"\",\"meta\":{\"priority\":-1}}")
                .when()
                .post("/test/notes")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("title"))
                .body("violations.field", hasItem("meta.priority"));
    }

    @Test
    void a_missing_nested_object_names_the_field() {
        given().header("Authorization", TestTokens.bearer("sales"))
                .contentType(ContentType.JSON)
                .body("{\"title\":\"x\"}")
                .when()
                .post("/test/notes")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("meta"));
    }

    @Test
    void a_value_of_the_wrong_type_names_the_field() {
        given().header("Authorization", TestTokens.bearer("sales"))
                .contentType(ContentType.JSON)
                .body("{\"title\":\"x\",\"meta\":{\"priority\":1,\"kind\":\"POEM\"}}")
                .when()
                .post("/test/notes")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("meta.kind"))
                .body("violations[0].message", containsString("MEMO"));
    }

    @Test
    void text_after_the_json_value_is_malformed_json() {
        given().header("Authorization", TestTokens.bearer("sales"))
                .contentType(ContentType.JSON)
                .body(VALID + "}")
                .when()
                .post("/test/notes")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:kontor:problem:malformed-json"));
    }

    @Test
    void an_empty_string_is_no_enum_constant_and_no_date() {
        given().header("Authorization", TestTokens.bearer("sales"))
                .contentType(ContentType.JSON)
                .body("{\"title\":\"x\",\"meta\":{\"priority\":1,\"kind\":\"\"}}")
                .when()
                .post("/test/notes")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("meta.kind"));
        given().header("Authorization", TestTokens.bearer("sales"))
                .contentType(ContentType.JSON)
                .body("{\"title\":\"x\",\"meta\":{\"priority\":1,\"due\":\"\"}}")
                .when()
                .post("/test/notes")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("meta.due"));
    }

    @Test
    void a_date_needs_a_four_digit_year() {
        given().header("Authorization", TestTokens.bearer("sales"))
                .contentType(ContentType.JSON)
                .body("{\"title\":\"x\",\"meta\":{\"priority\":1,\"due\":\"+999999999-12-31\"}}")
                .when()
                .post("/test/notes")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("meta.due"));
        given().header("Authorization", TestTokens.bearer("sales"))
                .contentType(ContentType.JSON)
                .body("{\"title\":\"x\",\"meta\":{\"priority\":1,\"due\":\"2030-02-28\"}}")
                .when()
                .post("/test/notes")
                .then()
                .statusCode(201);
    }

    @Test
    void a_nul_character_in_a_text_or_a_query_parameter_is_a_400_naming_it() {
        given().header("Authorization", TestTokens.bearer("sales"))
                .contentType(ContentType.JSON)
                .body("{\"title\":\"a\\u0000b\",\"meta\":{\"priority\":1}}")
                .when()
                .post("/test/notes")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("title"));
        given().header("Authorization", TestTokens.bearer("sales"))
                .urlEncodingEnabled(false)
                .when()
                .get("/test/notes/" + UUID.randomUUID() + "?q=a%00b")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("q"));
    }

    @Test
    void a_missing_body_is_a_400_problem() {
        given().header("Authorization", TestTokens.bearer("sales"))
                .contentType(ContentType.JSON)
                .when()
                .post("/test/notes")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void an_unknown_id_is_a_404_problem() {
        given().header("Authorization", TestTokens.bearer("sales"))
                .when()
                .get("/test/notes/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    @Test
    void an_illegal_state_change_is_a_409_problem() {
        String id = given().header("Authorization", TestTokens.bearer("sales"))
                .contentType(ContentType.JSON)
                .body(VALID)
                .when()
                .post("/test/notes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().header("Authorization", TestTokens.bearer("sales"))
                .when()
                .post("/test/notes/" + id + "/close")
                .then()
                .statusCode(200);

        given().header("Authorization", TestTokens.bearer("sales"))
                .when()
                .post("/test/notes/" + id + "/close")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("CLOSED"));
    }

    @Test
    void no_token_is_a_401_problem() {
        given().when()
                .get("/test/notes/" + UUID.randomUUID())
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
    }

    @Test
    void an_expired_or_tampered_token_is_a_401_problem() {
        given().header("Authorization", TestTokens.expired("sales"))
                .when()
                .get("/test/notes/" + UUID.randomUUID())
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().header("Authorization", TestTokens.tampered("sales"))
                .when()
                .get("/test/notes/" + UUID.randomUUID())
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().header("Authorization", TestTokens.wrongIssuer("sales"))
                .when()
                .get("/test/notes/" + UUID.randomUUID())
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void the_wrong_role_is_a_403_problem() {
        given().header("Authorization", TestTokens.bearer("hr"))
                .when()
                .get("/test/notes/" + UUID.randomUUID())
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void an_unknown_path_is_a_404_problem() {
        given().header("Authorization", TestTokens.bearer("sales"))
                .when()
                .get("/test/nothing-here")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void the_correlation_id_is_echoed_and_reported_in_problems() {
        given().header("X-Correlation-Id", "order-4711")
                .header("Authorization", TestTokens.bearer("sales"))
                .when()
                .get("/test/notes/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .header("X-Correlation-Id", "order-4711")
                .body("correlationId", equalTo("order-4711"));
    }

    @Test
    void a_correlation_id_is_made_up_when_the_caller_sends_none() {
        given().when().get("/no-such-path").then().header("X-Correlation-Id", notNullValue());
    }

    @Test
    void no_error_reveals_a_stack_trace() {
        given().header("Authorization", TestTokens.bearer("sales"))
                .contentType(ContentType.JSON)
                .body("[1,2")
                .when()
                .post("/test/notes")
                .then()
                .statusCode(400)
                .body(not(containsString("at io.")));
    }
}
