package io.kontor.platform.idempotency;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.kontor.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IdempotencyTest {

    private static final String BODY = "{\"title\":\"once\",\"meta\":{\"priority\":1}}";

    @Test
    void the_same_key_and_body_return_the_first_result_instead_of_creating_twice() {
        String key = UUID.randomUUID().toString();
        Response first = create(key, BODY);
        Response second = create(key, BODY);

        first.then().statusCode(201);
        second.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertThat(second.path("id").toString()).isEqualTo(first.path("id").toString());
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
    }

    @Test
    void the_same_key_with_another_body_is_refused() {
        String key = UUID.randomUUID().toString();
        create(key, BODY).then().statusCode(201);
        create(key, "{\"title\":\"other\",\"meta\":{\"priority\":1}}")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:kontor:problem:idempotency-key-conflict"));
    }

    @Test
    void without_a_key_every_post_creates() {
        String first = create(null, BODY).then().statusCode(201).extract().path("id");
        String second = create(null, BODY).then().statusCode(201).extract().path("id");
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void a_failed_request_does_not_use_up_the_key() {
        String key = UUID.randomUUID().toString();
        create(key, "{\"title\":\"\",\"meta\":{\"priority\":1}}").then().statusCode(400);
        create(key, BODY).then().statusCode(201).header("Idempotent-Replayed", (String) null);
    }

    /**
     * Two callers whose tokens carry the same {@code upn} (a name the identity provider lets users pick) but different
     * subjects are two callers: the second must not get the first one's answer (issue #24).
     */
    @Test
    void callers_with_the_same_upn_but_different_subjects_do_not_share_keys() {
        String key = UUID.randomUUID().toString();
        Response first = create(TestTokens.bearerWithUpn("subject-a", "shared-name", "sales"), key, BODY);
        Response second = create(TestTokens.bearerWithUpn("subject-b", "shared-name", "sales"), key, BODY);

        first.then().statusCode(201);
        second.then().statusCode(201).header("Idempotent-Replayed", (String) null);
        assertThat(second.path("id").toString()).isNotEqualTo(first.path("id").toString());
    }

    /** The same subject under a changed {@code upn} is the same caller: its retry replays. */
    @Test
    void the_same_subject_under_another_upn_replays() {
        String key = UUID.randomUUID().toString();
        Response first = create(TestTokens.bearerWithUpn("subject-c", "old-name", "sales"), key, BODY);
        Response second = create(TestTokens.bearerWithUpn("subject-c", "new-name", "sales"), key, BODY);

        first.then().statusCode(201);
        second.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertThat(second.path("id").toString()).isEqualTo(first.path("id").toString());
    }

    private static Response create(String key, String body) {
        return create(TestTokens.bearer("sales"), key, body);
    }

    private static Response create(String authorization, String key, String body) {
        var request = given().header("Authorization", authorization)
                .contentType(ContentType.JSON)
                .body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.when().post("/test/notes");
    }
}
