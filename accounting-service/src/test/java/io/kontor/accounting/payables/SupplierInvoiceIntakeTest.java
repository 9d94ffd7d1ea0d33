package io.kontor.accounting.payables;

import static io.kontor.accounting.Accounting.API;
import static io.kontor.accounting.payables.SupplierInvoiceFiles.cii;
import static io.kontor.accounting.payables.SupplierInvoiceFiles.spec;
import static io.kontor.accounting.payables.SupplierInvoiceFiles.ubl;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.kontor.accounting.payables.intake.Intake;
import io.kontor.platform.security.Roles;
import io.kontor.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Receiving suppliers' invoices through the API: e-invoices read and checked, the file kept as received (GoBD, §147
 * AO), invalid ones rejected with the validator's findings, duplicates refused, plain PDFs entered by hand.
 */
@QuarkusTest
class SupplierInvoiceIntakeTest {

    static final String INVOICES = API + "/supplier-invoices";

    String vatId;
    String supplier;
    SupplierInvoiceFiles.Spec invoice;

    @BeforeEach
    void aNewSupplier() {
        vatId = "DE" + ThreadLocalRandom.current().nextInt(100_000_000, 999_999_999);
        supplier = "Lieferant " + vatId + " GmbH";
        invoice = spec(supplier, vatId, "DE89370400440532013000", "R-1", LocalDate.of(2026, 11, 20));
    }

    static ValidatableResponse uploadFile(String subject, byte[] content, String fileName, String type) {
        return given().header("Authorization", TestTokens.bearerFor(subject, Roles.ACCOUNTING))
                .multiPart("file", fileName, content, type)
                .when()
                .post(INVOICES)
                .then();
    }

    static ValidatableResponse uploadXml(String subject, String xml) {
        return uploadFile(subject, xml.getBytes(StandardCharsets.UTF_8), "rechnung.xml", "application/xml");
    }

    @Test
    void an_xrechnung_cii_is_read_checked_and_kept_byte_for_byte_with_its_sha256_gobd() {
        byte[] xml = cii(invoice).getBytes(StandardCharsets.UTF_8);
        String id = uploadFile("clerk", xml, "rechnung.xml", "application/xml")
                .statusCode(201)
                .header("Location", containsString("/supplier-invoices/"))
                .body("kind", equalTo("XRECHNUNG_CII"))
                .body("status", equalTo("RECEIVED"))
                .body("sellerName", equalTo(supplier))
                .body("sellerVatId", equalTo(vatId))
                .body("invoiceNumber", equalTo("R-1"))
                .body("issueDate", equalTo("2026-11-20"))
                .body("dueDate", equalTo("2026-12-20"))
                .body("iban", equalTo("DE89370400440532013000"))
                .body("skonto.percent", equalTo(2.00f))
                .body("skonto.days", equalTo(10))
                .body("skonto.deadline", equalTo("2026-11-30"))
                .body("skonto.amount", equalTo(24.87f))
                .body("vatBreakdown.size()", equalTo(2))
                .body("lines.size()", equalTo(2))
                .body("grossTotal", equalTo(1243.50f))
                .body("payableAmount", equalTo(1243.50f))
                .body("checks.outcome", hasItem("OK"))
                .body("checks.find { it.name == 'buyer-is-us' }.outcome", equalTo("OK"))
                .body("checks.find { it.name == 'arithmetic' }.outcome", equalTo("OK"))
                .body("checks.find { it.name == 'reference' }.outcome", equalTo("WARNING"))
                .body("original.sha256", equalTo(Intake.sha256(xml)))
                .body("original.fileName", equalTo("rechnung.xml"))
                .extract()
                .path("id");

        byte[] kept = asClerk()
                .get(INVOICES + "/" + id + "/original")
                .then()
                .statusCode(200)
                .header("X-Content-SHA256", Intake.sha256(xml))
                .extract()
                .asByteArray();
        assertThat(kept).isEqualTo(xml);
    }

    @Test
    void an_xrechnung_ubl_sent_as_the_request_body_is_read_the_same_way() {
        asClerk()
                .contentType("application/xml")
                .body(ubl(invoice).getBytes(StandardCharsets.UTF_8))
                .queryParam("fileName", "rechnung-ubl.xml")
                .post(INVOICES)
                .then()
                .statusCode(201)
                .body("kind", equalTo("XRECHNUNG_UBL"))
                .body("status", equalTo("RECEIVED"))
                .body("invoiceNumber", equalTo("R-1"))
                .body("grossTotal", equalTo(1243.50f))
                .body("original.fileName", equalTo("rechnung-ubl.xml"));
    }

    @Test
    void a_zugferd_pdf_gives_its_embedded_xml_and_keeps_the_pdf() {
        byte[] pdf = SupplierInvoiceFiles.zugferdPdf(invoice);
        uploadFile("clerk", pdf, "rechnung.pdf", "application/pdf")
                .statusCode(201)
                .body("kind", equalTo("ZUGFERD_PDF"))
                .body("invoiceNumber", equalTo("R-1"))
                .body("original.contentType", equalTo("application/pdf"))
                .body("original.sha256", equalTo(Intake.sha256(pdf)));
    }

    @Test
    void an_invalid_xrechnung_is_kept_as_rejected_and_answered_422_with_the_validators_messages() {
        String xml = cii(invoice).replaceAll("<ram:BuyerReference>[^<]*</ram:BuyerReference>", "");
        String detail = uploadXml("clerk", xml)
                .statusCode(422)
                .contentType("application/problem+json")
                .body("violations.message", hasItem(containsString("BR-DE-15")))
                .extract()
                .path("detail");
        String id = detail.substring(detail.lastIndexOf('/') + 1);
        asClerk()
                .get(INVOICES + "/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("validation.text", hasItem(containsString("BR-DE-15")))
                .body("original.sha256", notNullValue());
    }

    @Test
    void the_same_supplier_and_number_again_is_409_with_a_link_to_the_first() {
        String first =
                uploadXml("clerk", cii(invoice)).statusCode(201).extract().path("id");
        uploadXml("clerk", ubl(invoice))
                .statusCode(409)
                .body("detail", containsString("/api/v1/accounting/supplier-invoices/" + first));
    }

    @Test
    void another_number_with_the_same_amount_and_date_is_received_with_a_duplicate_warning() {
        String first =
                uploadXml("clerk", cii(invoice)).statusCode(201).extract().path("id");
        uploadXml("clerk", cii(invoice.number("R-1-copy")))
                .statusCode(201)
                .body("checks.find { it.name == 'duplicate' }.outcome", equalTo("WARNING"))
                .body("checks.find { it.name == 'duplicate' }.message", containsString(first));
    }

    @Test
    void an_invoice_addressed_to_another_company_fails_the_buyer_check() {
        uploadXml("clerk", cii(invoice.buyer("Andere AG", "DE999999999")))
                .statusCode(201)
                .body("checks.find { it.name == 'buyer-is-us' }.outcome", equalTo("FAILED"));
    }

    @Test
    void a_plain_pdf_is_an_other_invoice_flagged_for_manual_entry_then_checked_like_any() {
        byte[] pdf = SupplierInvoiceFiles.plainPdf("Rechnung 77", false);
        String id = uploadFile("clerk", pdf, "scan.pdf", "application/pdf")
                .statusCode(201)
                .body("kind", equalTo("OTHER_PDF"))
                .body("otherInvoice", equalTo(true))
                .body("status", equalTo("NEEDS_DATA"))
                .body("invoiceNumber", nullValue())
                .extract()
                .path("id");
        asClerk()
                .contentType("application/json")
                .body("{\"sellerName\":\"" + supplier + "\",\"sellerVatId\":\"" + vatId
                        + "\",\"sellerAddress\":\"Lieferweg 5, 10115 Berlin\",\"invoiceNumber\":\"77\","
                        + "\"issueDate\":\"2026-11-20\",\"dueDate\":\"2026-12-04\",\"iban\":\"DE89370400440532013000\","
                        + "\"vat\":[{\"rate\":19,\"net\":100.00,\"vat\":19.00}]}")
                .post(INVOICES + "/" + id + "/manual-data")
                .then()
                .statusCode(200)
                .body("status", equalTo("RECEIVED"))
                .body("otherInvoice", equalTo(true))
                .body("grossTotal", equalTo(119.00f))
                .body("checks.find { it.name == 'vat' }.outcome", equalTo("OK"));
    }

    @Test
    void a_file_that_is_neither_pdf_nor_xml_is_400_naming_the_field_and_nothing_is_kept() {
        uploadFile("clerk", "hello".getBytes(StandardCharsets.UTF_8), "x.txt", "text/plain")
                .statusCode(400)
                .body("violations[0].field", equalTo("file"));
    }

    @Test
    void intake_needs_the_accounting_or_admin_role() {
        given().header("Authorization", TestTokens.bearer(Roles.SALES))
                .multiPart("file", "r.xml", cii(invoice).getBytes(StandardCharsets.UTF_8), "application/xml")
                .post(INVOICES)
                .then()
                .statusCode(403);
    }

    static io.restassured.specification.RequestSpecification asClerk() {
        return given().header("Authorization", TestTokens.bearerFor("clerk", Roles.ACCOUNTING));
    }
}
