package io.kontor.process;

import static io.restassured.RestAssured.given;

import io.kontor.testing.ApiReference;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** docs/API.md's "processes" section lists exactly the operations of this service's OpenAPI document. */
@QuarkusTest
class ApiReferenceTest {

    @Test
    void the_api_reference_lists_every_operation_of_the_service_and_no_other() {
        String document = given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .asString();

        ApiReference.assertDocuments("processes", document);
    }
}
