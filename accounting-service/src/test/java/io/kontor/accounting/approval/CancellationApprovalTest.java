package io.kontor.accounting.approval;

import static io.kontor.accounting.Accounting.API;
import static io.kontor.accounting.Accounting.issue;
import static io.kontor.accounting.Accounting.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.kontor.accounting.Accounting;
import io.kontor.accounting.SalesEvents;
import io.kontor.platform.approval.Approvals;
import io.kontor.platform.events.approvals.ApprovalRequested;
import io.kontor.platform.events.process.ApprovalDecided;
import io.kontor.platform.security.Roles;
import io.kontor.testing.TestApprovals;
import io.kontor.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Four eyes on cancelling a large invoice (GoBD Rz. 100 ff., internal control; a credit note corrects revenue and VAT,
 * §17 UStG): above the threshold (10,000.00 EUR) the cancellation waits for a second person's decision, which
 * process-service announces.
 */
@QuarkusTest
class CancellationApprovalTest {

    @Inject
    SalesEvents sales;

    @Inject
    TestApprovals process;

    @Inject
    Approvals approvals;

    @Test
    void a_cancellation_above_the_threshold_waits_and_is_done_once_approved() {
        UUID customer = sales.registerCustomer("Vier Augen GmbH", 14);
        Accounting.Issued invoice = issue(customer, line("Migration", "1", "12000.00", "19"));

        RestAssured.given()
                .header("Authorization", TestTokens.bearerFor("anna", Roles.ACCOUNTING))
                .contentType(ContentType.JSON)
                .body("{\"reason\":\"Doppelt berechnet\"}")
                .post(API + "/invoices/" + invoice.id() + "/cancel")
                .then()
                .statusCode(202)
                .body("status", equalTo("PENDING_APPROVAL"));
        Accounting.asAccountant().get(API + "/invoices/" + invoice.id()).then().body("status", equalTo("ISSUED"));
        ApprovalRequested request =
                process.awaitRequest(CancellationApprovals.ACT, invoice.id().toString());
        assertThat(request.amount()).isEqualByComparingTo("14280.00");
        assertThat(request.requestedBy()).endsWith("anna");
        assertThat(request.role()).isEqualTo(Roles.ACCOUNTING);
        assertThat(request.link()).isEqualTo("/api/v1/accounting/invoices/" + invoice.id());
        assertThat(request.summary()).contains("Doppelt berechnet");

        process.decide(request, ApprovalDecided.APPROVED, "bernd");

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> Accounting.asAccountant()
                        .get(API + "/invoices/" + invoice.id())
                        .then()
                        .body("status", equalTo("CANCELLED")));
    }

    @Test
    void a_rejected_cancellation_is_dropped_and_a_small_one_needs_nobody() {
        UUID customer = sales.registerCustomer("Vier Augen AG", 14);
        Accounting.Issued large = issue(customer, line("Migration", "1", "20000.00", "19"));
        Accounting.asAccountant()
                .body("{}")
                .post(API + "/invoices/" + large.id() + "/cancel")
                .then()
                .statusCode(202);
        // A second request while one waits is a conflict.
        Accounting.asAccountant()
                .body("{}")
                .post(API + "/invoices/" + large.id() + "/cancel")
                .then()
                .statusCode(409);
        ApprovalRequested request =
                process.awaitRequest(CancellationApprovals.ACT, large.id().toString());
        process.decide(request, ApprovalDecided.REJECTED, "bernd");
        await().atMost(Duration.ofSeconds(30)).until(() -> statusOf(request.approvalId()), "REJECTED"::equals);
        Accounting.asAccountant().get(API + "/invoices/" + large.id()).then().body("status", equalTo("ISSUED"));

        Accounting.Issued small = issue(customer, line("Wartung", "1", "100.00", "19"));
        Accounting.asAccountant()
                .body("{}")
                .post(API + "/invoices/" + small.id() + "/cancel")
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"));
    }

    private String statusOf(UUID approvalId) {
        return approvals.find(approvalId).orElseThrow().status();
    }
}
