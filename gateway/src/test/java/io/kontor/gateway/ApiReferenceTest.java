package io.kontor.gateway;

import static io.restassured.RestAssured.given;

import io.kontor.testing.ApiReference;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * docs/API.md's "gateway" section lists exactly the operations of the gateway's own OpenAPI document (the part of
 * /q/openapi that is not a service's).
 */
@QuarkusTest
@WithTestResource(StubServicesResource.class)
class ApiReferenceTest {

    @Test
    void the_api_reference_lists_every_operation_of_the_service_and_no_other() {
        String document = given().get("/q/openapi-gateway?format=json")
                .then()
                .statusCode(200)
                .extract()
                .asString();

        ApiReference.assertDocuments("gateway", document);
    }
}
