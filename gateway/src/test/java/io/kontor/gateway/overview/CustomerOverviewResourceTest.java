package io.kontor.gateway.overview;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.kontor.gateway.InjectStubServices;
import io.kontor.gateway.StubService;
import io.kontor.gateway.StubServices;
import io.kontor.gateway.StubServicesResource;
import io.kontor.platform.security.Roles;
import io.kontor.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
@WithTestResource(StubServicesResource.class)
class CustomerOverviewResourceTest {

    private static final String CUSTOMER_ID = "6f1c2a4e-2b7d-4c1e-9a55-0d5e4c3b2a10";
    private static final String OVERVIEW = "/api/v1/customers/" + CUSTOMER_ID + "/overview";

    private static final Map<String, String> ANSWERS = Map.of(
            "/api/v1/sales/customers/" + CUSTOMER_ID,
            "{\"id\":\"" + CUSTOMER_ID
                    + "\",\"customerNumber\":\"K-1001\",\"name\":\"Muster GmbH\",\"creditHold\":false}",
            "/api/v1/sales/offers?customerId=" + CUSTOMER_ID,
            "{\"items\":[{\"id\":\"o1\",\"status\":\"ACCEPTED\"},{\"id\":\"o2\",\"status\":\"SENT\"}],\"page\":0,\"size\":50,\"total\":2}",
            "/api/v1/accounting/invoices?customerId=" + CUSTOMER_ID,
            "{\"items\":[{\"invoiceNumber\":\"RE-2025-000001\",\"openAmount\":\"119.00\",\"dunningLevel\":2},"
                    + "{\"invoiceNumber\":\"RE-2025-000002\",\"openAmount\":\"0.00\",\"dunningLevel\":0}],\"page\":0,\"size\":50,\"total\":2}",
            "/api/v1/projects?customerId=" + CUSTOMER_ID,
            "{\"items\":[{\"id\":\"p1\",\"name\":\"Rollout\"}],\"page\":0,\"size\":50,\"total\":1}");

    @InjectStubServices
    StubServices services;

    @BeforeEach
    void servicesThatKnowTheCustomer() {
        services.reset();
        services.all().forEach(stub -> stub.answer(request -> answerFromTable(stub, request)));
    }

    @Test
    void the_overview_collects_customer_offers_invoices_and_projects_with_the_callers_token() {
        String token = TestTokens.bearer(Roles.MIDDLE_OFFICE);

        given().header("Authorization", token)
                .header("X-Correlation-Id", "overview-1")
                .when()
                .get(OVERVIEW)
                .then()
                .statusCode(200)
                .body("customer.name", equalTo("Muster GmbH"))
                .body("offers.id", contains("o1", "o2"))
                .body("invoices.invoiceNumber", contains("RE-2025-000001", "RE-2025-000002"))
                .body("openBalance[0].amount", equalTo(119.00f))
                .body("openBalance[0].currency", equalTo("EUR"))
                .body("highestDunningLevel", equalTo(2))
                .body("projects.name", contains("Rollout"))
                .body("warnings", empty());

        List<StubService.Received> received = new ArrayList<>();
        services.all().forEach(stub -> received.addAll(stub.received()));
        assertThat(received)
                .extracting(StubService.Received::uri)
                .containsExactlyInAnyOrderElementsOf(ANSWERS.keySet());
        assertThat(received).allSatisfy(request -> {
            assertThat(request.headers().get("Authorization")).isEqualTo(token);
            assertThat(request.headers().get("X-Correlation-Id")).isEqualTo("overview-1");
        });
    }

    @Test
    void a_service_that_is_down_leaves_its_part_empty_with_a_warning() {
        services.accounting().stop();

        given().header("Authorization", TestTokens.bearer(Roles.SALES))
                .when()
                .get(OVERVIEW)
                .then()
                .statusCode(200)
                .body("customer.name", equalTo("Muster GmbH"))
                .body("offers", hasSize(2))
                .body("projects", hasSize(1))
                .body("invoices", nullValue())
                .body("openBalance", nullValue())
                .body("warnings", hasSize(1))
                .body("warnings[0].part", equalTo("invoices"))
                .body("warnings[0].service", equalTo("accounting-service"))
                .body("warnings[0].detail", containsString("cannot be reached"));
    }

    @Test
    void the_services_are_asked_at_the_same_time() {
        // Each service holds its answer back until all four requests have arrived: asked one after another, the first
        // would wait for the request timeout, and the overview would come back with warnings.
        List<Runnable> heldBack = new ArrayList<>();
        services.all()
                .forEach(stub -> stub.answer(request -> {
                    heldBack.add(() -> answerFromTable(stub, request));
                    if (heldBack.size() == ANSWERS.size()) {
                        heldBack.forEach(Runnable::run);
                    }
                }));

        given().header("Authorization", TestTokens.bearer(Roles.ADMIN))
                .when()
                .get(OVERVIEW)
                .then()
                .statusCode(200)
                .body("warnings", empty());
    }

    @Test
    void an_unknown_customer_is_404_problem_details() {
        services.sales()
                .answer(request -> request.response()
                        .setStatusCode(404)
                        .putHeader("Content-Type", "application/problem+json")
                        .end("{\"status\":404}"));

        given().header("Authorization", TestTokens.bearer(Roles.SALES))
                .when()
                .get(OVERVIEW)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void an_id_that_is_no_uuid_is_400_naming_the_field() {
        given().header("Authorization", TestTokens.bearer(Roles.SALES))
                .when()
                .get("/api/v1/customers/K-1001/overview")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("id"));

        assertThat(services.requestsReceived()).isZero();
    }

    @ParameterizedTest(name = "{0} may see the overview: {1}")
    @CsvSource({
        "sales, true",
        "accounting, true",
        "middle-office, true",
        "admin, true",
        "front-office, false",
        "hr, false",
        "project-office, false"
    })
    void only_sales_accounting_middle_office_and_admin_see_the_overview(String role, boolean allowed) {
        given().header("Authorization", TestTokens.bearer(role))
                .when()
                .get(OVERVIEW)
                .then()
                .statusCode(allowed ? 200 : 403);
    }

    private static void answerFromTable(StubService stub, HttpServerRequest request) {
        stub.record(request, Buffer.buffer());
        String body = ANSWERS.get(request.uri());
        if (body == null) {
            request.response().setStatusCode(404).end();
        } else {
            request.response().putHeader("Content-Type", "application/json").end(body);
        }
    }
}
