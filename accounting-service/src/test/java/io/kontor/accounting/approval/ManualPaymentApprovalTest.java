package io.kontor.accounting.approval;

import static io.kontor.accounting.Accounting.API;
import static io.kontor.accounting.Accounting.issue;
import static io.kontor.accounting.Accounting.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.kontor.accounting.Accounting;
import io.kontor.accounting.SalesEvents;
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
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Four eyes on payments booked by hand (GoBD Rz. 100 ff., internal control; a booking must be traceable to its cause,
 * §238 HGB): above 10,000.00 a manual booking waits for a second person of accounting; approved it is booked as asked,
 * rejected nothing is booked; below the threshold it is booked at once.
 */
@QuarkusTest
class ManualPaymentApprovalTest {

    @Inject
    SalesEvents sales;

    @Inject
    TestApprovals process;

    @Test
    void a_large_manual_payment_waits_and_is_booked_once_approved() {
        UUID customer = sales.registerCustomer("Zahlt Viel GmbH", 14);
        Accounting.Issued invoice = issue(customer, line("Migration", "1", "12000.00", "19"));

        pay(invoice.number(), "14280.00").then().statusCode(202).body("status", equalTo("PENDING_APPROVAL"));
        invoiceShows(invoice.id(), "ISSUED", 14280.00f);
        ApprovalRequested request =
                process.awaitRequest(ManualPaymentApprovals.ACT, invoice.id().toString());
        assertThat(request.amount()).isEqualByComparingTo("14280.00");
        assertThat(request.requestedBy()).endsWith("anna");
        assertThat(request.role()).isEqualTo(Roles.ACCOUNTING);
        assertThat(request.summary()).contains(invoice.number(), "14280.00 EUR");

        process.decide(request, ApprovalDecided.APPROVED, "bernd");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> invoiceShows(invoice.id(), "PAID", 0.00f));
    }

    @Test
    void a_rejected_manual_payment_is_not_booked_and_a_small_one_needs_nobody() {
        UUID customer = sales.registerCustomer("Zahlt Wenig GmbH", 14);
        Accounting.Issued large = issue(customer, line("Migration", "1", "20000.00", "19"));
        pay(large.number(), "23800.00").then().statusCode(202);
        ApprovalRequested request =
                process.awaitRequest(ManualPaymentApprovals.ACT, large.id().toString());
        process.decide(request, ApprovalDecided.REJECTED, "bernd");
        await().atMost(Duration.ofSeconds(30)).until(() -> approvalStatus(request.approvalId()), "REJECTED"::equals);
        invoiceShows(large.id(), "ISSUED", 23800.00f);

        Accounting.Issued small = issue(customer, line("Wartung", "1", "100.00", "19"));
        pay(small.number(), "119.00").then().statusCode(201);
        invoiceShows(small.id(), "PAID", 0.00f);
    }

    @Inject
    io.kontor.platform.approval.Approvals approvals;

    private String approvalStatus(UUID approvalId) {
        return approvals.find(approvalId).orElseThrow().status();
    }

    private static io.restassured.response.Response pay(String invoiceNumber, String amount) {
        return RestAssured.given()
                .header("Authorization", TestTokens.bearerFor("anna", Roles.ACCOUNTING))
                .contentType(ContentType.JSON)
                .body("{\"invoiceNumber\":\"" + invoiceNumber + "\",\"amount\":" + amount + ",\"valueDate\":\""
                        + LocalDate.now() + "\"}")
                .post(API + "/payments");
    }

    private static void invoiceShows(UUID invoiceId, String status, float open) {
        Accounting.asAccountant()
                .get(API + "/invoices/" + invoiceId)
                .then()
                .statusCode(200)
                .body("status", equalTo(status))
                .body("openAmount", equalTo(open));
    }
}
