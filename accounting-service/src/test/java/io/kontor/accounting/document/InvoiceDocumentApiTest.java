package io.kontor.accounting.document;

import static io.kontor.accounting.Accounting.API;
import static io.kontor.accounting.Accounting.asAccountant;
import static io.kontor.accounting.Accounting.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.kontor.accounting.Accounting;
import io.kontor.accounting.Accounting.Issued;
import io.kontor.accounting.SalesEvents;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mustangproject.validator.ZUGFeRDValidator;

@QuarkusTest
class InvoiceDocumentApiTest {

    @Inject
    SalesEvents sales;

    @Test
    void an_issued_invoice_is_served_as_pdf_and_as_a_valid_xrechnung() {
        UUID customerId = sales.registerCustomer("Dokument GmbH", 14);
        Issued invoice = Accounting.issue(
                customerId, line("Beratung", "10", "120.00", "19"), line("Fachbuch", "2", "30.00", "7"));

        byte[] pdf = asAccountant()
                .accept("application/pdf")
                .when()
                .get(API + "/invoices/" + invoice.id() + "/pdf")
                .then()
                .statusCode(200)
                .contentType("application/pdf")
                .extract()
                .asByteArray();
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        byte[] xml = asAccountant()
                .accept("application/xml")
                .when()
                .get(API + "/invoices/" + invoice.id() + "/xrechnung")
                .then()
                .statusCode(200)
                .contentType(containsString("application/xml"))
                .extract()
                .asByteArray();
        ZUGFeRDValidator validator = new ZUGFeRDValidator();
        String report = validator.validate(xml, invoice.number() + ".xml");
        assertThat(validator.wasCompletelyValid()).as(report).isTrue();
    }

    /** §14 (1) UStG e-invoice as hybrid: PDF/A-3 with the EN 16931 XML embedded (ZUGFeRD 2 / Factur-X). */
    @Test
    void an_issued_invoice_is_served_as_a_valid_zugferd_pdf_frozen_at_issue() {
        UUID customerId = sales.registerCustomer("Hybrid GmbH", 14);
        var invoice = io.kontor.accounting.Accounting.issue(customerId, line("Beratung", "2", "150.00", "19"));

        io.restassured.response.ExtractableResponse<io.restassured.response.Response> first = asAccountant()
                .accept("application/pdf")
                .when()
                .get(API + "/invoices/" + invoice.id() + "/zugferd-pdf")
                .then()
                .statusCode(200)
                .contentType("application/pdf")
                .extract();
        byte[] pdf = first.asByteArray();
        ZUGFeRDValidator validator = new ZUGFeRDValidator();
        String report = validator.validate(pdf, invoice.number() + ".pdf");
        assertThat(validator.wasCompletelyValid()).as(report).isTrue();
        assertThat(first.header("X-Content-SHA256")).isEqualTo(InvoiceDocuments.sha256(pdf));
        byte[] again = asAccountant()
                .when()
                .get(API + "/invoices/" + invoice.id() + "/zugferd-pdf")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        assertThat(again).isEqualTo(pdf);
    }

    @Test
    void a_draft_has_no_documents_and_an_unknown_invoice_is_a_404() {
        UUID customerId = sales.registerCustomer("Entwurf GmbH", 14);
        String draft = asAccountant()
                .body("{\"customerId\":\"" + customerId + "\",\"lines\":[" + line("X", "1", "10", "19") + "]}")
                .when()
                .post(API + "/invoices")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        asAccountant()
                .when()
                .get(API + "/invoices/" + draft + "/pdf")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        asAccountant()
                .when()
                .get(API + "/invoices/" + UUID.randomUUID() + "/xrechnung")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }
}
