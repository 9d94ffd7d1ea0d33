package io.kontor.gateway;

import static io.restassured.RestAssured.given;

import io.kontor.testing.ManagementPort;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Probes, scrapers and API readers need no token. */
@QuarkusTest
@WithTestResource(StubServicesResource.class)
class OpenEndpointsTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/q/openapi", "/q/swagger-ui/"})
    void the_api_description_is_open_without_a_token(String path) {
        given().when().get(path).then().statusCode(200);
    }

    /** On the management port (issue #22), which only probes and Prometheus reach; the API port has no such paths. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/q/health/live", "/q/health/ready", "/q/health", "/q/metrics"})
    void probes_and_metrics_are_open_without_a_token_on_the_management_port(String path) {
        given().when().get(ManagementPort.url(path)).then().statusCode(200);
        given().when().get(path).then().statusCode(404);
    }
}
