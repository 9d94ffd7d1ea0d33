package io.kontor.gateway.security;

import static io.kontor.platform.security.Roles.ACCOUNTING;
import static io.kontor.platform.security.Roles.ADMIN;
import static io.kontor.platform.security.Roles.FRONT_OFFICE;
import static io.kontor.platform.security.Roles.HR;
import static io.kontor.platform.security.Roles.LEGAL;
import static io.kontor.platform.security.Roles.MIDDLE_OFFICE;
import static io.kontor.platform.security.Roles.PROCESS_OWNER;
import static io.kontor.platform.security.Roles.PRODUCT_DEVELOPMENT;
import static io.kontor.platform.security.Roles.PROJECT_OFFICE;
import static io.kontor.platform.security.Roles.SALES;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.kontor.gateway.InjectStubServices;
import io.kontor.gateway.StubService;
import io.kontor.gateway.StubServices;
import io.kontor.gateway.StubServicesResource;
import io.kontor.platform.security.Roles;
import io.kontor.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every role against every route group (ARCHITECTURE.md, Security): who gets through, who gets 403. */
@QuarkusTest
@WithTestResource(StubServicesResource.class)
class RoleAccessTest {

    /** A token that proves who the caller is but carries no role. */
    private static final String NO_ROLE = "(no role)";

    private static final Set<String> SALES_STAFF = Set.of(SALES, MIDDLE_OFFICE, ADMIN);
    private static final Set<String> SALES_AND_WEB_SHOP = Set.of(SALES, MIDDLE_OFFICE, ADMIN, FRONT_OFFICE);
    private static final Set<String> ACCOUNTING_STAFF = Set.of(ACCOUNTING, MIDDLE_OFFICE, ADMIN);
    private static final Set<String> HR_STAFF = Set.of(HR, ADMIN);
    private static final Set<String> HR_AND_CAREERS_SITE = Set.of(HR, ADMIN, FRONT_OFFICE);
    private static final Set<String> HR_DIRECTORY = Set.of(HR, MIDDLE_OFFICE, ADMIN);
    private static final Set<String> PROJECT_STAFF = Set.of(PROJECT_OFFICE, MIDDLE_OFFICE, ADMIN);
    private static final Set<String> PRODUCT_STAFF = Set.of(PRODUCT_DEVELOPMENT, PROJECT_OFFICE, ADMIN);
    private static final Set<String> LEGAL_STAFF = Set.of(LEGAL, ADMIN);
    private static final Set<String> LEGAL_AND_WEB_SHOP = Set.of(LEGAL, ADMIN, FRONT_OFFICE);
    /** Accounting follows the collection cases it handed over (issue #18); the service shows it those only. */
    private static final Set<String> LEGAL_AND_ACCOUNTING = Set.of(LEGAL, ADMIN, ACCOUNTING);

    private static final Set<String> PROCESS_STAFF = Set.of(PROCESS_OWNER, ADMIN);
    private static final Set<String> TASK_INBOX =
            Set.of(ACCOUNTING, HR, SALES, PROJECT_OFFICE, PRODUCT_DEVELOPMENT, LEGAL, PROCESS_OWNER, ADMIN);

    record Route(String method, String path, String domain, Set<String> allowed) {}

    private static final List<Route> ROUTES = List.of(
            new Route("GET", "/api/v1/sales/customers", "sales", SALES_STAFF),
            new Route("POST", "/api/v1/sales/customers", "sales", SALES_AND_WEB_SHOP),
            new Route("GET", "/api/v1/sales/customers/42", "sales", SALES_STAFF),
            new Route("PUT", "/api/v1/sales/customers/42", "sales", SALES_STAFF),
            new Route("GET", "/api/v1/sales/products", "sales", SALES_AND_WEB_SHOP),
            new Route("GET", "/api/v1/sales/products/sku-1", "sales", SALES_AND_WEB_SHOP),
            new Route("POST", "/api/v1/sales/products", "sales", SALES_STAFF),
            new Route("POST", "/api/v1/sales/offers", "sales", SALES_AND_WEB_SHOP),
            new Route("GET", "/api/v1/sales/offers", "sales", SALES_AND_WEB_SHOP),
            new Route("GET", "/api/v1/sales/offers/42", "sales", SALES_AND_WEB_SHOP),
            new Route("PUT", "/api/v1/sales/offers/42", "sales", SALES_STAFF),
            new Route("GET", "/api/v1/sales/offers/42/pdf", "sales", SALES_AND_WEB_SHOP),
            // Moving an offer is sales' (issue #24): the gateway refuses front-office itself, not only the service.
            new Route("POST", "/api/v1/sales/offers/42/send", "sales", SALES_STAFF),
            new Route("POST", "/api/v1/sales/offers/42/accept", "sales", SALES_STAFF),
            new Route("POST", "/api/v1/sales/offers/42/reject", "sales", SALES_STAFF),
            new Route("GET", "/api/v1/sales/offer-templates", "sales", SALES_STAFF),
            new Route("GET", "/api/v1/sales/offer-templates/42", "sales", SALES_STAFF),
            new Route("GET", "/api/v1/accounting/invoices", "accounting", ACCOUNTING_STAFF),
            new Route("POST", "/api/v1/accounting/payments", "accounting", ACCOUNTING_STAFF),
            new Route("POST", "/api/v1/hr/applications", "hr", HR_AND_CAREERS_SITE),
            new Route("GET", "/api/v1/hr/applications", "hr", HR_STAFF),
            new Route("POST", "/api/v1/hr/applications/7/advance", "hr", HR_STAFF),
            new Route("GET", "/api/v1/hr/employees", "hr", HR_STAFF),
            new Route("GET", "/api/v1/hr/directory", "hr", HR_DIRECTORY),
            new Route("POST", "/api/v1/hr/directory", "hr", HR_STAFF),
            new Route("GET", "/api/v1/projects", "projects", PROJECT_STAFF),
            new Route("POST", "/api/v1/projects", "projects", PROJECT_STAFF),
            new Route("POST", "/api/v1/projects/9/risks", "projects", PROJECT_STAFF),
            new Route("GET", "/api/v1/product-development/requirements", "product-development", PRODUCT_STAFF),
            new Route("POST", "/api/v1/product-development/backlogs/3/items", "product-development", PRODUCT_STAFF),
            new Route("GET", "/api/v1/product-development/traceability", "product-development", PRODUCT_STAFF),
            new Route("GET", "/api/v1/legal/documents", "legal", LEGAL_STAFF),
            new Route("POST", "/api/v1/legal/documents/7/versions", "legal", LEGAL_STAFF),
            new Route("GET", "/api/v1/legal/published/AGB", "legal", LEGAL_AND_WEB_SHOP),
            new Route("POST", "/api/v1/legal/published/AGB", "legal", LEGAL_STAFF),
            new Route("GET", "/api/v1/legal/cases", "legal", LEGAL_AND_ACCOUNTING),
            new Route("GET", "/api/v1/legal/cases/7", "legal", LEGAL_AND_ACCOUNTING),
            new Route("POST", "/api/v1/legal/cases", "legal", LEGAL_STAFF),
            new Route("POST", "/api/v1/legal/cases/7/close", "legal", LEGAL_STAFF),
            new Route("GET", "/api/v1/processes/audit/verify", "processes", PROCESS_STAFF),
            new Route("GET", "/api/v1/processes/tasks", "processes", TASK_INBOX),
            new Route("POST", "/api/v1/processes/tasks/7/approve", "processes", TASK_INBOX));

    @InjectStubServices
    StubServices services;

    @BeforeEach
    void freshStubs() {
        services.reset();
    }

    static Stream<Arguments> roleAndRoute() {
        List<String> roles = new ArrayList<>(List.of(Roles.ALL));
        roles.add(NO_ROLE);
        return roles.stream()
                .flatMap(role -> ROUTES.stream()
                        .map(route -> Arguments.of(
                                role,
                                route.method(),
                                route.path(),
                                route.domain(),
                                route.allowed().contains(role))));
    }

    @ParameterizedTest(name = "{0}: {1} {2} allowed={4}")
    @MethodSource("roleAndRoute")
    void a_role_reaches_a_service_only_through_the_paths_it_is_allowed(
            String role, String method, String path, String domain, boolean allowed) {
        String token = role.equals(NO_ROLE) ? TestTokens.bearer() : TestTokens.bearer(role);

        if (allowed) {
            given().header("Authorization", token)
                    .when()
                    .request(method, path)
                    .then()
                    .statusCode(200)
                    .header(StubService.SERVED_BY, domain);
            assertThat(services.of(domain).lastReceived().uri()).isEqualTo(path);
        } else {
            given().header("Authorization", token)
                    .when()
                    .request(method, path)
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:kontor:problem:forbidden"))
                    .body("status", equalTo(403));
            assertThat(services.requestsReceived())
                    .as("requests that reached a service")
                    .isZero();
        }
    }
}
