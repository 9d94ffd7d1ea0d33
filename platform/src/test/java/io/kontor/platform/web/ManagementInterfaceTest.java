package io.kontor.platform.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.kontor.testing.ManagementPort;
import io.quarkus.test.common.http.TestHTTPResourceManager;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * Health and metrics are served on the management interface only (issue #22, docs/DECISIONS.md "Operations"): the
 * probes and Prometheus reach a pod on its management port, while the API port, which the Services and the ingress
 * carry, answers neither. The OpenAPI document stays on the API port for the gateway to merge.
 */
@QuarkusTest
class ManagementInterfaceTest {

    @Test
    void the_management_interface_has_a_port_of_its_own() {
        int api = URI.create(TestHTTPResourceManager.getUri()).getPort();
        assertThat(ManagementPort.port()).isPositive().isNotEqualTo(api);
    }

    @Test
    void metrics_answer_on_the_management_port() {
        given().get(ManagementPort.url("/q/metrics"))
                .then()
                .statusCode(200)
                .body(containsString("kontor_outbox_backlog"))
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void health_answers_on_the_management_port() {
        given().get(ManagementPort.url("/q/health/live")).then().statusCode(200).body("status", equalTo("UP"));
        given().get(ManagementPort.url("/q/health/ready")).then().statusCode(200);
    }

    @Test
    void the_api_port_answers_neither_metrics_nor_health() {
        for (String path : new String[] {"/q/metrics", "/q/health", "/q/health/live", "/q/health/ready"}) {
            given().get(path).then().statusCode(404);
        }
    }

    @Test
    void the_openapi_document_stays_on_the_api_port() {
        given().get("/q/openapi?format=json").then().statusCode(200).body("openapi", containsString("3."));
        given().get(ManagementPort.url("/q/openapi")).then().statusCode(404);
    }
}
