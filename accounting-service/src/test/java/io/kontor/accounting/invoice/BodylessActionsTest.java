package io.kontor.accounting.invoice;

import static io.kontor.accounting.Accounting.API;
import static io.kontor.accounting.Accounting.asAccountant;
import static io.kontor.accounting.Accounting.line;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.kontor.accounting.SalesEvents;
import io.kontor.platform.security.Roles;
import io.kontor.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Accounting's action endpoints as API.md documents them: POSTs without body and without Content-Type. */
@QuarkusTest
class BodylessActionsTest {

    @Inject
    SalesEvents sales;

    @Test
    void issue_dispute_resolve_and_cancel_need_no_body() {
        UUID customerId = sales.registerCustomer("Ohne Body GmbH", 14);
        String id = asAccountant()
                .body("{\"customerId\":\"" + customerId + "\",\"lines\":[" + line("X", "1", "10", "19") + "]}")
                .post(API + "/invoices")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        bare().post(API + "/invoices/" + id + "/issue").then().statusCode(200).body("status", equalTo("ISSUED"));
        asAccountant()
                .body("{\"reason\":\"Ware beschädigt\"}")
                .post(API + "/invoices/" + id + "/dispute")
                .then()
                .statusCode(200);
        bare().post(API + "/invoices/" + id + "/dispute/resolve").then().statusCode(200);
        bare().post(API + "/invoices/" + id + "/cancel").then().statusCode(200).body("status", equalTo("CANCELLED"));
    }

    @Test
    void a_dispute_without_body_is_a_400_naming_the_reason_not_a_415() {
        bare().post(API + "/invoices/" + UUID.randomUUID() + "/dispute")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("reason"));
    }

    private static RequestSpecification bare() {
        return given().header("Authorization", TestTokens.bearer(Roles.ACCOUNTING));
    }
}
