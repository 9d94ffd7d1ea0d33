package io.kontor.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.kontor.gateway.InjectStubServices;
import io.kontor.gateway.StubService;
import io.kontor.gateway.StubServices;
import io.kontor.gateway.StubServicesResource;
import io.kontor.platform.security.Roles;
import io.kontor.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(StubServicesResource.class)
class UnavailableServiceTest {

    @InjectStubServices
    StubServices services;

    @BeforeEach
    @AfterEach
    void stubsUpAndFresh() {
        services.reset();
    }

    @Test
    void a_stopped_service_gives_503_problem_details_at_once_without_its_address() {
        services.projects().stop();

        long started = System.nanoTime();
        Response response = given().header("Authorization", TestTokens.bearer(Roles.PROJECT_OFFICE))
                .header("X-Correlation-Id", "projects-down-1")
                .when()
                .get("/api/v1/projects?customerId=42")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:kontor:problem:service-unavailable"))
                .body("status", equalTo(503))
                .body("detail", containsString("project-office-service"))
                .body("correlationId", equalTo("projects-down-1"))
                .extract()
                .response();
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(millis).as("answer time in ms").isLessThan(StubServicesResource.CONNECT_TIMEOUT_MILLIS);
        assertThat(response.asString())
                .doesNotContain("127.0.0.1")
                .doesNotContain("localhost")
                .doesNotContain(String.valueOf(services.projects().port()));
    }

    @Test
    void the_other_services_are_still_served_while_one_is_down() {
        services.projects().stop();

        given().header("Authorization", TestTokens.bearer(Roles.MIDDLE_OFFICE))
                .when()
                .get("/api/v1/sales/customers")
                .then()
                .statusCode(200)
                .header(StubService.SERVED_BY, "sales");
    }

    @Test
    void a_service_that_stays_silent_gives_504_problem_details_after_the_request_timeout() {
        services.accounting().answer(request -> {
            // Takes the request and never answers.
        });

        long started = System.nanoTime();
        given().header("Authorization", TestTokens.bearer(Roles.ACCOUNTING))
                .when()
                .get("/api/v1/accounting/invoices/7/xrechnung")
                .then()
                .statusCode(504)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:kontor:problem:gateway-timeout"))
                .body("detail", containsString("accounting-service"));
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(millis)
                .as("answer time in ms")
                .isBetween(
                        StubServicesResource.REQUEST_TIMEOUT_MILLIS,
                        StubServicesResource.REQUEST_TIMEOUT_MILLIS + 3_000);
    }

    @Test
    void a_service_that_drops_the_connection_gives_502_problem_details() {
        services.hr().answer(request -> request.connection().close());

        given().header("Authorization", TestTokens.bearer(Roles.HR))
                .when()
                .get("/api/v1/hr/employees")
                .then()
                .statusCode(502)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:kontor:problem:bad-gateway"))
                .body("detail", containsString("hr-service"));
    }
}
