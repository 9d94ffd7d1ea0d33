package io.kontor.accounting.credit;

import static io.kontor.accounting.Accounting.API;
import static io.kontor.accounting.Accounting.asAccountant;
import static io.kontor.accounting.Accounting.credit;
import static io.kontor.accounting.Accounting.documentHash;
import static io.kontor.accounting.Accounting.line;
import static io.kontor.accounting.Accounting.pay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.kontor.accounting.Accounting;
import io.kontor.accounting.Accounting.Issued;
import io.kontor.accounting.WithCustomer;
import io.kontor.accounting.document.EInvoiceValidation;
import io.kontor.accounting.document.InvoiceDocuments;
import io.kontor.platform.events.accounting.InvoiceCredited;
import io.kontor.platform.events.accounting.InvoicePaid;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Partial credit notes through the API: §17 (1) UStG (the price was reduced, the VAT with it), as a document of its own
 * with §14 (4) UStG's contents naming the invoice it corrects (§31 (5) UStDV), numbered in the gapless GS range (GoBD)
 * and frozen; the invoice's open amount falls, and on a paid invoice the credit is owed back to the customer.
 */
@QuarkusTest
class PartialCreditTest extends WithCustomer {

    @Override
    protected String customerName() {
        return "Teilgutschrift GmbH";
    }

    @Test
    void a_partial_credit_of_an_open_invoice_is_its_own_numbered_frozen_document_and_lowers_the_open_amount() {
        Issued invoice = Accounting.issue(
                customerId, line("Beratung", "10", "120.00", "19"), line("Fachbuch", "2", "50.00", "7"));
        String invoicePdfHash = documentHash(invoice.id(), "/pdf");

        Response created = credit(
                invoice.id(),
                "{\"reason\":\"2 Beratungsstunden nicht erbracht\",\"lines\":[{\"position\":1,\"quantity\":2}]}");

        created.then()
                .statusCode(201)
                .body("invoiceId", equalTo(invoice.id().toString()))
                .body("netAmount", equalTo(240.00f))
                .body("vatAmount", equalTo(45.60f))
                .body("grossAmount", equalTo(285.60f))
                .body("againstOpen", equalTo(285.60f))
                .body("toCustomerCredit", equalTo(0.00f))
                .body("lines[0].originalPosition", equalTo(1));
        String creditId = created.path("id");
        String number = created.path("creditNoteNumber");
        assertThat(number).matches("GS-\\d{4}-\\d{6}");
        // 1200.00 + 228.00 + 100.00 + 7.00 = 1535.00 invoiced, 285.60 credited
        asAccountant()
                .when()
                .get(API + "/invoices/" + invoice.id())
                .then()
                .body("status", equalTo("ISSUED"))
                .body("creditedAmount", equalTo(285.60f))
                .body("openAmount", equalTo(1249.40f));
        asAccountant()
                .when()
                .get(API + "/invoices/" + invoice.id() + "/credits")
                .then()
                .statusCode(200)
                .body("", hasSize(1))
                .body("[0].creditNoteNumber", equalTo(number));

        for (String kind : new String[] {"xrechnung", "zugferd"}) {
            byte[] xml = document(invoice.id(), creditId, kind);
            EInvoiceValidation.assertValid(xml, number + ".xml");
            assertThat(new String(xml, StandardCharsets.UTF_8))
                    .contains("<ram:TypeCode>381</ram:TypeCode>")
                    .contains("<ram:IssuerAssignedID>" + invoice.number() + "</ram:IssuerAssignedID>");
        }
        byte[] pdf = document(invoice.id(), creditId, "pdf");
        assertThat(documentHash(invoice.id(), "/credits/" + creditId + "/pdf")).isEqualTo(InvoiceDocuments.sha256(pdf));
        assertThat(document(invoice.id(), creditId, "zugferd-pdf"))
                .startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));
        // The invoice's own documents stay as issued (§14b UStG, GoBD).
        assertThat(documentHash(invoice.id(), "/pdf")).isEqualTo(invoicePdfHash);

        InvoiceCredited event = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> Accounting.events(invoice.id(), InvoiceCredited.TYPE, InvoiceCredited.class, json),
                        list -> !list.isEmpty())
                .get(0);
        assertThat(event.creditNoteNumber()).isEqualTo(number);
        assertThat(event.grossAmount()).isEqualByComparingTo("285.60");
        assertThat(event.openAmount()).isEqualByComparingTo("1249.40");
        assertThat(event.invoiceStatus()).isEqualTo("ISSUED");
    }

    @Test
    void a_credit_beyond_the_invoice_is_refused_naming_the_field_and_takes_no_number() {
        // A year no other test writes credit notes in, so the numbers can be counted.
        clock.set(Instant.parse("2041-03-02T09:00:00Z"));
        Issued invoice = Accounting.issue(
                customerId, line("Beratung", "10", "120.00", "19"), line("Fachbuch", "2", "50.00", "7"));

        credit(invoice.id(), "{\"reason\":\"zu viel\",\"lines\":[{\"position\":1,\"quantity\":11}]}")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("lines[0].quantity"));
        credit(invoice.id(), "{\"reason\":\"zu viel\",\"lines\":[{\"position\":3,\"quantity\":1}]}")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("lines[0].position"));
        // More net at 7 % than the invoice charged at 7 %: VAT never charged would be taken back.
        credit(invoice.id(), "{\"reason\":\"zu viel\",\"amounts\":[{\"vatRate\":7,\"netAmount\":100.01}]}")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("amounts"));
        credit(invoice.id(), "{\"reason\":\"zu viel\",\"amounts\":[{\"vatRate\":16,\"netAmount\":1.00}]}")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("amounts[0].vatRate"));
        credit(invoice.id(), "{\"reason\":\"nichts\"}")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("lines"));
        credit(invoice.id(), "{\"lines\":[{\"position\":1,\"quantity\":1}]}")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("reason"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> PartialCredit.count("invoiceId", invoice.id())))
                .isZero();

        credit(invoice.id(), "{\"reason\":\"Nachlass\",\"lines\":[{\"position\":1,\"quantity\":6}]}")
                .then()
                .statusCode(201)
                .body("creditNoteNumber", equalTo("GS-2041-000001"));
        // What is left of the line: 4 hours; a second credit of 5 is one too many.
        credit(invoice.id(), "{\"reason\":\"Nachlass\",\"lines\":[{\"position\":1,\"quantity\":5}]}")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("lines[0].quantity"));
        credit(invoice.id(), "{\"reason\":\"Rest\",\"lines\":[{\"position\":1,\"quantity\":4}]}")
                .then()
                .statusCode(201)
                .body("creditNoteNumber", equalTo("GS-2041-000002"));
        // A cancellation would credit the credited part twice.
        asAccountant()
                .body("{}")
                .when()
                .post(API + "/invoices/" + invoice.id() + "/cancel")
                .then()
                .statusCode(409);
    }

    @Test
    void crediting_the_rest_of_a_partly_paid_invoice_settles_it() {
        Issued invoice = Accounting.issue(customerId, line("Wartung", "1", "100.00", "19"));
        pay(invoice.number(), "100.00").then().statusCode(201);

        credit(invoice.id(), "{\"reason\":\"Kulanz\",\"amounts\":[{\"vatRate\":19,\"netAmount\":15.97}]}")
                .then()
                .statusCode(201)
                .body("grossAmount", equalTo(19.00f))
                .body("againstOpen", equalTo(19.00f))
                .body("toCustomerCredit", equalTo(0.00f));

        asAccountant()
                .when()
                .get(API + "/invoices/" + invoice.id())
                .then()
                .body("status", equalTo("PAID"))
                .body("openAmount", equalTo(0.00f));
        assertThat(await().atMost(Duration.ofSeconds(30))
                        .until(
                                () -> Accounting.events(invoice.id(), InvoicePaid.TYPE, InvoicePaid.class, json),
                                list -> !list.isEmpty()))
                .hasSize(1);
    }

    /**
     * On a paid invoice the credit is money we owe: it becomes the customer's credit (kind CREDIT_NOTE), which the
     * accountant refunds or which is set off against the next due invoice (§387 BGB).
     */
    @Test
    void a_partial_credit_of_a_paid_invoice_is_owed_back_as_the_customers_credit_and_can_be_refunded() {
        Issued invoice = Accounting.issue(customerId, line("Beratung", "10", "120.00", "19"));
        pay(invoice.number(), "1428.00").then().statusCode(201);

        credit(invoice.id(), "{\"reason\":\"2 Stunden zu viel berechnet\",\"lines\":[{\"position\":1,\"quantity\":2}]}")
                .then()
                .statusCode(201)
                .body("grossAmount", equalTo(285.60f))
                .body("againstOpen", equalTo(0.00f))
                .body("toCustomerCredit", equalTo(285.60f));
        // Above what is left of the invoice: 1428.00 − 285.60 = 1142.40 (the paid total caps the credit too).
        credit(invoice.id(), "{\"reason\":\"zu viel\",\"amounts\":[{\"vatRate\":19,\"netAmount\":960.01}]}")
                .then()
                .statusCode(409)
                .body("violations.field", hasItem("amounts"));

        asAccountant()
                .when()
                .get(API + "/customers/" + customerId + "/credit")
                .then()
                .statusCode(200)
                .body("credit", equalTo(285.60f))
                .body("movements.kind", hasItem("CREDIT_NOTE"));
        asAccountant()
                .body("{\"amount\":285.60,\"reference\":\"Erstattung Gutschrift\"}")
                .when()
                .post(API + "/customers/" + customerId + "/credit/refund")
                .then()
                .statusCode(200)
                .body("credit", equalTo(0.00f));
        asAccountant()
                .when()
                .get(API + "/invoices/" + invoice.id())
                .then()
                .body("status", equalTo("PAID"))
                .body("creditedAmount", equalTo(0.00f));
        InvoiceCredited event = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> Accounting.events(invoice.id(), InvoiceCredited.TYPE, InvoiceCredited.class, json),
                        list -> !list.isEmpty())
                .get(0);
        assertThat(event.toCustomerCredit()).isEqualByComparingTo(new BigDecimal("285.60"));
    }

    @Test
    void a_retried_credit_with_the_same_idempotency_key_makes_one_credit_note() {
        // A credit note takes a number of the gapless series (§14 (4) Nr. 4 UStG): a client's retry must not take two.
        Issued invoice = Accounting.issue(customerId, line("Beratung", "10", "120.00", "19"));
        String body = "{\"reason\":\"eine Stunde zu viel\",\"lines\":[{\"position\":1,\"quantity\":1}]}";
        String key = UUID.randomUUID().toString();
        String first = asAccountant()
                .header("Idempotency-Key", key)
                .body(body)
                .when()
                .post(API + "/invoices/" + invoice.id() + "/credits")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        asAccountant()
                .header("Idempotency-Key", key)
                .body(body)
                .when()
                .post(API + "/invoices/" + invoice.id() + "/credits")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(first));
        asAccountant()
                .when()
                .get(API + "/invoices/" + invoice.id() + "/credits")
                .then()
                .statusCode(200)
                .body("", hasSize(1));
    }

    private static byte[] document(UUID invoiceId, String creditId, String kind) {
        return asAccountant()
                .when()
                .get(API + "/invoices/" + invoiceId + "/credits/" + creditId + "/" + kind)
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
    }
}
