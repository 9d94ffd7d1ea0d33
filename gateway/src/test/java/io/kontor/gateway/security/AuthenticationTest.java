package io.kontor.gateway.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.kontor.gateway.InjectStubServices;
import io.kontor.gateway.StubServices;
import io.kontor.gateway.StubServicesResource;
import io.kontor.platform.security.Roles;
import io.kontor.testing.ManagementPort;
import io.kontor.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@WithTestResource(StubServicesResource.class)
class AuthenticationTest {

    @InjectStubServices
    StubServices services;

    @BeforeEach
    void freshStubs() {
        services.reset();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "/api/v1/sales/customers",
                "/api/v1/accounting/invoices",
                "/api/v1/hr/employees",
                "/api/v1/projects",
                "/api/v1/no-such-domain"
            })
    void a_request_without_a_token_gets_401_problem_details_and_goes_nowhere(String path) {
        given().header("X-Correlation-Id", "anonymous-1")
                .when()
                .get(path)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .header("X-Correlation-Id", "anonymous-1")
                .body("type", equalTo("urn:kontor:problem:unauthorized"))
                .body("status", equalTo(401))
                .body("correlationId", equalTo("anonymous-1"));

        assertThat(services.requestsReceived()).isZero();
    }

    static Stream<Arguments> badTokens() {
        return Stream.of(
                Arguments.of("expired", TestTokens.expired(Roles.ADMIN)),
                Arguments.of("from another issuer", TestTokens.wrongIssuer(Roles.ADMIN)),
                Arguments.of("tampered with", TestTokens.tampered(Roles.FRONT_OFFICE)),
                Arguments.of("not a JWT at all", "Bearer not-a-jwt"),
                Arguments.of("not a bearer token", "Basic YWRtaW46YWRtaW4="));
    }

    @ParameterizedTest(name = "a token {0}")
    @MethodSource("badTokens")
    void a_bad_token_gets_401_problem_details_and_goes_nowhere(String what, String authorization) {
        given().header("Authorization", authorization)
                .contentType("application/json")
                .body("{}")
                .when()
                .post("/api/v1/sales/offers")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("urn:kontor:problem:unauthorized"))
                .body("correlationId", not(emptyOrNullString()));

        assertThat(services.requestsReceived()).isZero();
    }

    @Test
    void a_bad_token_does_not_close_the_open_endpoints() {
        given().header("Authorization", TestTokens.expired(Roles.ADMIN))
                .when()
                .get(ManagementPort.url("/q/health/live"))
                .then()
                .statusCode(200);
    }
}
