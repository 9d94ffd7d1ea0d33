package io.kontor.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.kontor.gateway.InjectStubServices;
import io.kontor.gateway.StubService;
import io.kontor.gateway.StubServices;
import io.kontor.gateway.StubServicesResource;
import io.kontor.platform.security.Roles;
import io.kontor.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
@WithTestResource(StubServicesResource.class)
class RoutingTest {

    @InjectStubServices
    StubServices services;

    @BeforeEach
    void freshStubs() {
        services.reset();
    }

    static Stream<Arguments> routes() {
        return Stream.of(
                Arguments.of("GET", "/api/v1/sales/offers?customerId=42&status=SENT", "sales"),
                Arguments.of("GET", "/api/v1/sales/customers?q=M%C3%BCller%20%26%20S%C3%B6hne", "sales"),
                Arguments.of("POST", "/api/v1/accounting/invoices/7/issue", "accounting"),
                Arguments.of("DELETE", "/api/v1/hr/applications/9", "hr"),
                Arguments.of("PUT", "/api/v1/hr/employees/3", "hr"),
                Arguments.of("GET", "/api/v1/projects?customerId=42", "projects"),
                Arguments.of("PATCH", "/api/v1/projects/5/risks/3", "projects"));
    }

    @ParameterizedTest(name = "{0} {1} reaches {2}")
    @MethodSource("routes")
    void each_domain_reaches_its_own_service_with_method_path_and_query_intact(
            String method, String uri, String domain) {
        given().urlEncodingEnabled(false)
                .header("Authorization", TestTokens.bearer(Roles.ADMIN))
                .when()
                .request(method, uri)
                .then()
                .statusCode(200)
                .header(StubService.SERVED_BY, domain);

        StubService.Received received = services.of(domain).lastReceived();
        assertThat(received.method()).isEqualTo(method);
        assertThat(received.uri()).isEqualTo(uri);
        assertThat(services.requestsReceived()).as("requests at all services").isEqualTo(1);
    }

    @Test
    void the_callers_token_correlation_id_and_idempotency_key_arrive_at_the_service() {
        String token = TestTokens.bearer(Roles.SALES);

        given().header("Authorization", token)
                .header("X-Correlation-Id", "order-4711")
                .header("Idempotency-Key", "3f1c9e52-offer-1")
                .contentType("application/json")
                .accept("application/json")
                .body("{\"customerId\":\"42\"}")
                .when()
                .post("/api/v1/sales/offers")
                .then()
                .statusCode(200)
                .header("X-Correlation-Id", "order-4711")
                .body(equalTo("{\"customerId\":\"42\"}"));

        StubService.Received received = services.sales().lastReceived();
        assertThat(received.headers().get("Authorization")).isEqualTo(token);
        assertThat(received.headers().get("X-Correlation-Id")).isEqualTo("order-4711");
        assertThat(received.headers().get("Idempotency-Key")).isEqualTo("3f1c9e52-offer-1");
        assertThat(received.headers().get("Content-Type")).startsWith("application/json");
        assertThat(received.headers().get("Accept")).isEqualTo("application/json");
    }

    @Test
    void a_caller_without_a_correlation_id_gets_the_one_the_service_was_given() {
        Response response = given().header("Authorization", TestTokens.bearer(Roles.ACCOUNTING))
                .when()
                .get("/api/v1/accounting/invoices")
                .then()
                .statusCode(200)
                .header("X-Correlation-Id", not(emptyOrNullString()))
                .extract()
                .response();

        assertThat(services.accounting().lastReceived().headers().get("X-Correlation-Id"))
                .isEqualTo(response.header("X-Correlation-Id"));
    }

    @Test
    void an_unusable_correlation_id_is_replaced_before_it_reaches_the_service() {
        Response response = given().header("Authorization", TestTokens.bearer(Roles.HR))
                .header("X-Correlation-Id", "two words")
                .when()
                .get("/api/v1/hr/employees")
                .then()
                .statusCode(200)
                .extract()
                .response();

        String forwarded = services.hr().lastReceived().headers().get("X-Correlation-Id");
        assertThat(forwarded).isNotEqualTo("two words").isEqualTo(response.header("X-Correlation-Id"));
    }

    @Test
    void the_service_learns_through_x_forwarded_headers_whom_the_gateway_serves() {
        given().header("Authorization", TestTokens.bearer(Roles.PROJECT_OFFICE))
                .header("X-Forwarded-For", "203.0.113.7")
                .when()
                .get("/api/v1/projects/1")
                .then()
                .statusCode(200);

        StubService.Received received = services.projects().lastReceived();
        assertThat(received.headers().get("X-Forwarded-For")).isEqualTo("203.0.113.7, 127.0.0.1");
        assertThat(received.headers().get("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(received.headers().get("X-Forwarded-Host")).startsWith("localhost:");
        assertThat(received.headers().get("Host"))
                .isEqualTo("127.0.0.1:" + services.projects().port());
    }

    @Test
    void the_service_continues_the_trace_in_the_gateways_span() {
        String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
        String callersSpan = "00f067aa0ba902b7";
        given().header("Authorization", TestTokens.bearer(Roles.PROJECT_OFFICE))
                .header("traceparent", "00-" + trace + "-" + callersSpan + "-01")
                .when()
                .get("/api/v1/projects/1")
                .then()
                .statusCode(200);

        String forwarded = services.projects().lastReceived().headers().get("traceparent");
        // W3C Trace Context: the same trace, the gateway's own span as the parent of the service's.
        assertThat(forwarded).matches("00-" + trace + "-[0-9a-f]{16}-01").doesNotContain(callersSpan);
    }

    @Test
    void what_the_service_answers_reaches_the_caller_unchanged_errors_included() {
        String problem = "{\"type\":\"urn:kontor:problem:conflict\",\"title\":\"Not allowed in the current state\","
                + "\"status\":409,\"detail\":\"customer 42 is on credit hold\"}";
        services.sales()
                .answer(request -> request.response()
                        .setStatusCode(409)
                        .putHeader("Content-Type", "application/problem+json")
                        .putHeader("ETag", "\"v7\"")
                        .end(problem));

        given().header("Authorization", TestTokens.bearer(Roles.SALES))
                .contentType("application/json")
                .body("{}")
                .when()
                .post("/api/v1/sales/offers")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .header("ETag", "\"v7\"")
                .body(equalTo(problem));
    }

    @Test
    void a_path_that_only_starts_like_a_domain_is_not_forwarded() {
        given().header("Authorization", TestTokens.bearer(Roles.ADMIN))
                .when()
                .get("/api/v1/salesreport")
                .then()
                .statusCode(404);
        given().header("Authorization", TestTokens.bearer(Roles.ADMIN))
                .when()
                .get("/api/v1/billing/invoices")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");

        assertThat(services.requestsReceived()).isZero();
    }

    @Test
    void a_path_climbing_out_of_its_domain_is_checked_and_forwarded_where_it_lands() throws Exception {
        // Sent raw (java.net.http does not normalize), so that the gateway sees the dot segments.
        HttpResponse<String> response = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port
                                        + "/api/v1/sales/../accounting/invoices"))
                                .header("Authorization", TestTokens.bearer(Roles.ACCOUNTING))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue(StubService.SERVED_BY)).contains("accounting");
        assertThat(services.accounting().lastReceived().uri()).isEqualTo("/api/v1/accounting/invoices");
        assertThat(services.sales().received()).isEmpty();
    }
}
