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
import io.kontor.testing.ManagementPort;
import io.kontor.testing.MutableClock;
import io.kontor.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(StubServicesResource.class)
class ResilienceTest {

    private static final Duration PAST_OPEN_TIME = Duration.ofSeconds(StubServicesResource.OPEN_FOR_SECONDS + 1);

    @InjectStubServices
    StubServices services;

    @Inject
    MutableClock clock;

    @BeforeEach
    void freshStubs() {
        services.reset();
    }

    @AfterEach
    void breakersClosedAgain() {
        // The application (and its breakers) is shared with the other test classes: leave every breaker closed.
        services.reset();
        clock.advance(PAST_OPEN_TIME);
        for (StubService service : services.all()) {
            given().header("Authorization", TestTokens.bearer(Roles.ADMIN))
                    .when()
                    .get(pathOf(service.domain()))
                    .then()
                    .statusCode(200);
        }
        clock.reset();
    }

    @Test
    void a_get_whose_connection_breaks_is_sent_again_and_answered() {
        AtomicInteger arrived = new AtomicInteger();
        services.hr().answer(request -> {
            if (arrived.incrementAndGet() == 1) {
                request.connection().close();
            } else {
                request.response().putHeader(StubService.SERVED_BY, "hr").end("{}");
            }
        });

        given().header("Authorization", TestTokens.bearer(Roles.HR))
                .when()
                .get("/api/v1/hr/employees")
                .then()
                .statusCode(200)
                .header(StubService.SERVED_BY, "hr");

        assertThat(arrived).as("attempts at the service").hasValue(2);
    }

    @Test
    void a_post_whose_connection_breaks_is_not_sent_again() {
        AtomicInteger arrived = new AtomicInteger();
        services.hr().answer(request -> {
            arrived.incrementAndGet();
            request.connection().close();
        });

        given().header("Authorization", TestTokens.bearer(Roles.HR))
                .contentType("application/json")
                .body("{\"stage\":\"SCREENING\"}")
                .when()
                .post("/api/v1/hr/applications/7/advance")
                .then()
                .statusCode(502);

        assertThat(arrived).as("attempts at the service").hasValue(1);
    }

    @Test
    void a_silent_service_is_not_asked_again_after_the_timeout() {
        AtomicInteger arrived = new AtomicInteger();
        services.accounting().answer(request -> arrived.incrementAndGet());

        given().header("Authorization", TestTokens.bearer(Roles.ACCOUNTING))
                .when()
                .get("/api/v1/accounting/invoices")
                .then()
                .statusCode(504);

        assertThat(arrived).as("attempts at the service").hasValue(1);
    }

    @Test
    void an_open_breaker_answers_503_at_once_without_calling_the_service_and_closes_again() {
        String token = TestTokens.bearer(Roles.SALES);
        services.sales().stop();
        // Each GET fails three times (first attempt and two retries): the second reaches the threshold.
        for (int i = 0; i < 2; i++) {
            given().header("Authorization", token)
                    .when()
                    .get("/api/v1/sales/customers")
                    .then()
                    .statusCode(503);
        }
        // Back, but silent: a request that got through would wait for the request timeout and end in 504, not 503.
        AtomicInteger arrived = new AtomicInteger();
        services.sales().answer(request -> arrived.incrementAndGet());
        services.sales().start();

        Response refused = given().header("Authorization", token)
                .when()
                .get("/api/v1/sales/customers")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:kontor:problem:service-unavailable"))
                .body("detail", containsString("sales-backoffice-service"))
                .extract()
                .response();
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, StubServicesResource.OPEN_FOR_SECONDS);
        assertThat(arrived).as("requests that reached the running service").hasValue(0);
        // What the alert KontorCircuitBreakerOpen watches (deploy/kubernetes/components/monitoring).
        assertThat(metrics())
                .contains("kontor_gateway_breaker_open{service=\"sales-backoffice-service\"} 1.0")
                .contains("kontor_gateway_breaker_open{service=\"hr-service\"} 0.0")
                .containsPattern("kontor_gateway_refused_total\\{reason=\"service-unavailable\",status=\"503\"} [1-9]");

        services.sales().reset();
        clock.advance(PAST_OPEN_TIME);

        given().header("Authorization", token)
                .when()
                .get("/api/v1/sales/customers")
                .then()
                .statusCode(200)
                .header(StubService.SERVED_BY, "sales");
        given().header("Authorization", token)
                .when()
                .get("/api/v1/sales/customers")
                .then()
                .statusCode(200)
                .header(StubService.SERVED_BY, "sales");
        assertThat(services.sales().received()).hasSize(2);
        assertThat(metrics()).contains("kontor_gateway_breaker_open{service=\"sales-backoffice-service\"} 0.0");
    }

    private static String metrics() {
        return given().when()
                .get(ManagementPort.url("/q/metrics"))
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    private static String pathOf(String domain) {
        return domain.equals("projects") ? "/api/v1/projects" : "/api/v1/" + domain + "/anything";
    }
}
