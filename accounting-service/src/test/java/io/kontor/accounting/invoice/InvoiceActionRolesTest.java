package io.kontor.accounting.invoice;

import static io.kontor.accounting.invoice.InvoiceApi.INVOICES;
import static io.kontor.accounting.invoice.InvoiceApi.asAccounting;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.kontor.accounting.SalesEvents;
import io.kontor.platform.security.Roles;
import io.kontor.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issuing and cancelling an invoice bind the company (§14 UStG, a cancellation is a credit note with its own number)
 * and belong with those who also see payments, bank data and dunning: accounting and admin, not middle-office (issue
 * #24, DECISIONS.md "Who may call what").
 */
@QuarkusTest
class InvoiceActionRolesTest {

    @Inject
    SalesEvents sales;

    UUID customerId;

    @BeforeEach
    void aCustomerInTheReplica() {
        customerId = sales.registerCustomer("Rollen & Rechte GmbH", 14);
    }

    @Test
    void middle_office_may_not_issue_an_invoice_and_the_draft_stays_a_draft() {
        String draft = InvoiceApi.draft(customerId);

        given().header("Authorization", TestTokens.bearer(Roles.MIDDLE_OFFICE))
                .contentType("application/json")
                .when()
                .post(INVOICES + "/" + draft + "/issue")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");

        asAccounting().when().get(INVOICES + "/" + draft).then().statusCode(200).body("status", equalTo("DRAFT"));
    }

    @Test
    void middle_office_may_not_cancel_an_invoice_and_it_stays_issued() {
        String invoice = InvoiceApi.draft(customerId);
        asAccounting().when().post(INVOICES + "/" + invoice + "/issue").then().statusCode(200);

        given().header("Authorization", TestTokens.bearer(Roles.MIDDLE_OFFICE))
                .contentType("application/json")
                .body("{\"reason\":\"wrong address\"}")
                .when()
                .post(INVOICES + "/" + invoice + "/cancel")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");

        asAccounting()
                .when()
                .get(INVOICES + "/" + invoice)
                .then()
                .statusCode(200)
                .body("status", equalTo("ISSUED"));
    }

    @Test
    void admin_may_issue_and_cancel() {
        String invoice = InvoiceApi.draft(customerId);
        given().header("Authorization", TestTokens.bearer(Roles.ADMIN))
                .contentType("application/json")
                .when()
                .post(INVOICES + "/" + invoice + "/issue")
                .then()
                .statusCode(200);
        given().header("Authorization", TestTokens.bearer(Roles.ADMIN))
                .contentType("application/json")
                .when()
                .post(INVOICES + "/" + invoice + "/cancel")
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"));
    }
}
