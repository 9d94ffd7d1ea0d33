package io.kontor.gateway;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Probes, scrapers and API readers need no token. */
@QuarkusTest
@WithTestResource(StubServicesResource.class)
class OpenEndpointsTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {"/q/health/live", "/q/health/ready", "/q/health", "/q/metrics", "/q/openapi", "/q/swagger-ui/"})
    void is_open_without_a_token(String path) {
        given().when().get(path).then().statusCode(200);
    }
}
