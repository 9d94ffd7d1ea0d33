package io.kontor.gateway.openapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.kontor.gateway.InjectStubServices;
import io.kontor.gateway.StubServices;
import io.kontor.gateway.StubServicesResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.buffer.Buffer;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(StubServicesResource.class)
class MergedOpenApiTest {

    /** What each stub service documents: its routes (with the public prefix, as the real services do). */
    private static final Map<String, List<String>> ROUTES = Map.of(
            "sales",
                    List.of(
                            "/api/v1/sales/customers",
                            "/api/v1/sales/customers/{id}",
                            "/api/v1/sales/offers",
                            "/api/v1/sales/offers/{id}/pdf"),
            "accounting",
                    List.of(
                            "/api/v1/accounting/invoices",
                            "/api/v1/accounting/invoices/{id}/xrechnung",
                            "/api/v1/accounting/bank-statements"),
            "hr", List.of("/api/v1/hr/applications", "/api/v1/hr/employees/{id}"),
            "projects", List.of("/api/v1/projects", "/api/v1/projects/{id}/kickoff.ics"),
            "product-development", List.of("/api/v1/product-development/requirements"),
            "legal", List.of("/api/v1/legal/documents", "/api/v1/legal/published/{kind}"),
            "processes", List.of("/api/v1/processes/audit/verify"));

    private static final List<String> GATEWAY_ROUTES =
            List.of("/api/v1/customers/{id}/overview", "/api/v1/events/stream");

    @InjectStubServices
    StubServices services;

    @Inject
    MergedOpenApi merged;

    @BeforeEach
    void servicesWithDocuments() {
        merged.forget();
        services.reset();
        services.all()
                .forEach(stub -> stub.answer(request -> {
                    stub.record(request, Buffer.buffer());
                    request.response()
                            .putHeader("Content-Type", "application/json")
                            .end(documentOf(stub.domain()));
                }));
    }

    @AfterEach
    void allServicesUp() {
        services.reset();
        merged.forget();
    }

    @Test
    void the_document_lists_every_route_of_every_service_and_of_the_gateway() {
        JsonPath document = given().when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .extract()
                .jsonPath();

        Map<String, Object> paths = document.getMap("paths");
        List<String> expected = new ArrayList<>(GATEWAY_ROUTES);
        ROUTES.values().forEach(expected::addAll);
        assertThat(paths.keySet()).containsAll(expected);
        assertThat(document.getString("info.title")).isEqualTo("Kontor API");
        assertThat(services.all())
                .allSatisfy(stub -> assertThat(stub.lastReceived().uri()).isEqualTo("/q/openapi?format=json"));
    }

    @Test
    void schemas_of_the_same_name_but_other_content_stay_apart_with_their_references() {
        JsonPath document = given().when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(document.getMap("components.schemas").keySet())
                .contains("Party", "Address", "AccountingAddress")
                .doesNotContain("SalesParty", "AccountingParty");
        assertThat(
                        document.getString(
                                "paths.'/api/v1/accounting/invoices'.get.responses.'200'.content.'application/json'.schema.$ref"))
                .isEqualTo("#/components/schemas/AccountingAddress");
    }

    @Test
    void a_service_that_is_down_is_named_and_the_rest_is_served() {
        services.hr().stop();

        JsonPath document = given().when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(document.getMap("paths").keySet())
                .contains("/api/v1/sales/customers", "/api/v1/projects")
                .doesNotContain("/api/v1/hr/applications");
        assertThat(document.getList("x-kontor-unavailable")).containsExactly("hr-service");
    }

    @Test
    void while_a_service_is_down_the_incomplete_document_is_kept_for_a_while_instead_of_asking_every_service_again() {
        services.hr().stop();
        given().when().get("/q/openapi").then().statusCode(200);
        int askedBefore = services.sales().received().size();

        JsonPath again = given().when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(again.getList("x-kontor-unavailable")).containsExactly("hr-service");
        assertThat(services.sales().received())
                .as("sales is not asked again within keep-incomplete-for (OWASP API4: one slow service must not make"
                        + " every document request fan out and wait)")
                .hasSize(askedBefore);
    }

    @Test
    void swagger_ui_shows_the_merged_document() {
        String config = given().when()
                .get("/q/swagger-ui/")
                .then()
                .statusCode(200)
                .extract()
                .asString();

        assertThat(config).contains("/q/openapi");
    }

    private static String documentOf(String domain) {
        StringBuilder paths = new StringBuilder();
        for (String route : ROUTES.get(domain)) {
            // Not "Problem": the gateway's own document brings the platform's Problem, which these stubs' would differ
            // from.
            String schema = domain.equals("accounting") ? "Address" : "Party";
            paths.append(paths.length() > 0 ? "," : "")
                    .append('"')
                    .append(route)
                    .append("\":{\"get\":{\"responses\":{\"200\":{")
                    .append(
                            "\"description\":\"OK\",\"content\":{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/")
                    .append(schema)
                    .append("\"}}}}}}}");
        }
        String address = domain.equals("accounting")
                ? "{\"type\":\"object\",\"properties\":{\"street\":{\"type\":\"string\"},\"iban\":{\"type\":\"string\"}}}"
                : "{\"type\":\"object\",\"properties\":{\"street\":{\"type\":\"string\"}}}";
        return "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"" + domain + "\",\"version\":\"1.0\"},\"paths\":{" + paths
                + "},"
                + "\"components\":{\"schemas\":{\"Party\":{\"type\":\"object\",\"properties\":{\"type\":{\"type\":\"string\"}}},"
                + "\"Address\":" + address + "}},\"tags\":[{\"name\":\"" + domain + "\"}]}";
    }
}
