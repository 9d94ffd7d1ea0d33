package io.kontor.accounting.payables;

import static io.kontor.accounting.payables.SupplierInvoiceFiles.cii;
import static io.kontor.accounting.payables.SupplierInvoiceFiles.item;
import static io.kontor.accounting.payables.SupplierInvoiceFiles.spec;
import static io.kontor.accounting.payables.SupplierInvoiceIntakeTest.INVOICES;
import static io.kontor.accounting.payables.SupplierInvoiceIntakeTest.uploadXml;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.kontor.accounting.payables.intake.Intake;
import io.kontor.platform.security.Roles;
import io.kontor.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Suppliers as master data, the IBAN-change hold, and approval with four eyes above the limit. */
@QuarkusTest
class ApprovalTest {

    static final String SUPPLIERS = "/api/v1/accounting/suppliers";

    SupplierInvoiceFiles.Spec invoice;

    @BeforeEach
    void aNewSupplier() {
        String vatId = "DE" + ThreadLocalRandom.current().nextInt(100_000_000, 999_999_999);
        invoice =
                spec("Lieferant " + vatId + " GmbH", vatId, "DE89370400440532013000", "A-1", LocalDate.of(2026, 11, 2));
    }

    static ValidatableResponse approve(String subject, String id) {
        return given().header("Authorization", TestTokens.bearerFor(subject, Roles.ACCOUNTING))
                .post(INVOICES + "/" + id + "/approve")
                .then();
    }

    @Test
    void above_the_limit_the_one_who_recorded_the_invoice_cannot_approve_it_a_second_person_can() {
        String id = uploadXml("alice", cii(invoice))
                .statusCode(201)
                .body("approvalNeedsSecondPerson", equalTo(true))
                .extract()
                .path("id");

        approve("alice", id).statusCode(409).body("detail", containsString("four eyes"));
        approve("bob", id).statusCode(200).body("status", equalTo("PAYABLE")).body("approvedAt", notNullValue());
        approve("bob", id).statusCode(409);
    }

    @Inject
    Intake intake;

    @Test
    void above_the_limit_a_mailed_invoice_without_a_recorder_needs_two_different_approvers() {
        // Four eyes for invoices from the intake mailbox (#26): nobody recorded it, so the first approval only stands
        // in for the recorder; the same person approving again is refused, a second person makes it payable.
        String id = intake.receive(
                        new Intake.Upload(
                                cii(invoice).getBytes(StandardCharsets.UTF_8), "mailed.xml", "application/xml"),
                        "MAIL",
                        null)
                .id
                .toString();

        approve("alice", id)
                .statusCode(200)
                .body("status", equalTo("RECEIVED"))
                .body("approvalNeedsSecondPerson", equalTo(true))
                .body("firstApprovedAt", notNullValue())
                .body("approvedAt", nullValue());
        approve("alice", id).statusCode(409).body("detail", containsString("four eyes"));
        approve("bob", id).statusCode(200).body("status", equalTo("PAYABLE")).body("approvedAt", notNullValue());
    }

    @Test
    void below_the_limit_the_recorder_may_approve_alone() {
        String id = uploadXml("alice", cii(invoice.items(item("Kleinteile", "1", "100.00", "19"))))
                .statusCode(201)
                .body("approvalNeedsSecondPerson", equalTo(false))
                .extract()
                .path("id");
        approve("alice", id).statusCode(200).body("status", equalTo("PAYABLE"));
    }

    @Test
    void an_invoice_with_a_failed_check_is_not_approved() {
        String id = uploadXml("alice", cii(invoice.buyer("Andere AG", "DE999999999")))
                .statusCode(201)
                .extract()
                .path("id");
        approve("bob", id).statusCode(409).body("detail", containsString("buyer-is-us"));
    }

    @Test
    void the_first_invoice_creates_the_supplier_unconfirmed_and_a_clerk_confirms_it() {
        String supplierId =
                uploadXml("alice", cii(invoice)).statusCode(201).extract().path("supplierId");
        asClerk()
                .get(SUPPLIERS + "/" + supplierId)
                .then()
                .statusCode(200)
                .body("name", equalTo(invoice.supplierName()))
                .body("iban", equalTo("DE89370400440532013000"))
                .body("confirmed", equalTo(false));
        asClerk()
                .post(SUPPLIERS + "/" + supplierId + "/confirm")
                .then()
                .statusCode(200)
                .body("confirmed", equalTo(true));
        asClerk().post(SUPPLIERS + "/" + supplierId + "/confirm").then().statusCode(409);
    }

    @Test
    void a_new_iban_on_an_invoice_holds_it_until_the_account_is_verified_with_the_supplier() {
        String supplierId =
                uploadXml("alice", cii(invoice)).statusCode(201).extract().path("supplierId");
        String id = uploadXml("alice", cii(invoice.number("A-2").iban("DE02100100100006820101")))
                .statusCode(201)
                .body("heldReason", containsString("DE02100100100006820101"))
                .extract()
                .path("id");
        asClerk()
                .get(SUPPLIERS + "/" + supplierId)
                .then()
                .body("iban", equalTo("DE89370400440532013000"))
                .body("pendingIban", equalTo("DE02100100100006820101"));
        approve("bob", id).statusCode(409).body("detail", containsString("held"));

        asClerk()
                .contentType("application/json")
                .body("{\"accepted\":true,\"note\":\"confirmed by phone with the number on file\"}")
                .post(SUPPLIERS + "/" + supplierId + "/iban-verification")
                .then()
                .statusCode(200)
                .body("iban", equalTo("DE02100100100006820101"))
                .body("pendingIban", nullValue());
        approve("bob", id).statusCode(200).body("status", equalTo("PAYABLE")).body("heldReason", nullValue());
    }

    static io.restassured.specification.RequestSpecification asClerk() {
        return given().header("Authorization", TestTokens.bearerFor("clerk", Roles.ACCOUNTING));
    }
}
