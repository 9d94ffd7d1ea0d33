package io.kontor.accounting.invoice;

import static io.kontor.accounting.Accounting.API;
import static io.kontor.accounting.Accounting.asAccountant;
import static io.kontor.accounting.Accounting.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.kontor.accounting.SalesEvents;
import io.kontor.platform.security.Roles;
import io.kontor.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Accounting's action endpoints as API.md documents them: POSTs without body and without Content-Type. */
@QuarkusTest
class BodylessActionsTest {

    @Inject
    SalesEvents sales;

    @Test
    void issue_dispute_resolve_and_cancel_need_no_body() throws Exception {
        UUID customerId = sales.registerCustomer("Ohne Body GmbH", 14);
        String id = asAccountant()
                .body("{\"customerId\":\"" + customerId + "\",\"lines\":[" + line("X", "1", "10", "19") + "]}")
                .post(API + "/invoices")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        assertThat(postWithoutBody(API + "/invoices/" + id + "/issue", Roles.ACCOUNTING))
                .as(LAST_BODY.get())
                .isEqualTo(200);
        asAccountant()
                .body("{\"reason\":\"Ware beschädigt\"}")
                .post(API + "/invoices/" + id + "/dispute")
                .then()
                .statusCode(200);
        assertThat(postWithoutBody(API + "/invoices/" + id + "/dispute/resolve", Roles.ACCOUNTING))
                .as(LAST_BODY.get())
                .isEqualTo(200);
        assertThat(postWithoutBody(API + "/invoices/" + id + "/cancel", Roles.ACCOUNTING))
                .as(LAST_BODY.get())
                .isEqualTo(200);
        asAccountant().get(API + "/invoices/" + id).then().body("status", equalTo("CANCELLED"));
    }

    @Test
    void a_dispute_without_body_is_a_400_naming_the_reason_not_a_415() throws Exception {
        assertThat(postWithoutBody(API + "/invoices/" + UUID.randomUUID() + "/dispute", Roles.ACCOUNTING))
                .as(LAST_BODY.get())
                .isEqualTo(400);
        assertThat(LAST_BODY.get()).contains("\"reason\"");
    }

    @Test
    void a_dunning_run_without_body_runs_as_of_today() throws Exception {
        assertThat(postWithoutBody(API + "/dunning-runs", Roles.ACCOUNTING))
                .as(LAST_BODY.get())
                .isEqualTo(200);
    }

    /** A POST as curl sends it without -d: no body, no Content-Type (RestAssured would add text/plain). */
    private static int postWithoutBody(String path, String role) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .header("Authorization", TestTokens.bearer(role))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        LAST_BODY.set(response.body());
        return response.statusCode();
    }

    private static final ThreadLocal<String> LAST_BODY = new ThreadLocal<>();
}
