package io.kontor.accounting.invoice;

import static io.kontor.accounting.Accounting.API;
import static io.kontor.accounting.Accounting.asAccountant;
import static io.kontor.accounting.Accounting.cancel;
import static io.kontor.accounting.Accounting.documentHash;
import static io.kontor.accounting.Accounting.line;
import static io.kontor.accounting.Accounting.pay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.kontor.accounting.Accounting;
import io.kontor.accounting.Accounting.Issued;
import io.kontor.accounting.WithCustomer;
import io.kontor.accounting.payment.Payment;
import io.kontor.platform.events.accounting.InvoiceCancelled;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CancellationTest extends WithCustomer {

    @Override
    protected String customerName() {
        return "Storno AG";
    }

    @Test
    void
            cancelling_issues_consecutive_credit_notes_apart_from_the_invoice_numbers_and_a_refused_cancel_takes_no_number() {
        // A year no other test cancels in.
        clock.set(Instant.parse("2036-04-01T09:00:00Z"));
        Issued first = Accounting.issue(customerId, line("Wartung", "1", "100.00", "19"));
        Issued second = Accounting.issue(customerId, line("Wartung", "1", "200.00", "19"));

        cancel(first.id(), "{\"reason\":\"Doppelt berechnet\"}")
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("invoiceNumber", equalTo(first.number()))
                .body("creditNoteNumber", equalTo("GS-2036-000001"))
                .body("cancelledOn", equalTo("2036-04-01"))
                .body("openAmount", equalTo(0.00f));
        cancel(first.id(), "{}").then().statusCode(409).contentType("application/problem+json");
        cancel(second.id(), "").then().statusCode(200).body("creditNoteNumber", equalTo("GS-2036-000002"));

        assertThat(Accounting.issue(customerId, line("Wartung", "1", "300.00", "19"))
                        .number())
                .isEqualTo("RE-2036-000003");
    }

    @Test
    void a_cancelled_invoice_is_published_with_its_credit_note() {
        Issued invoice = Accounting.issue(customerId, line("Wartung", "1", "100.00", "19"));
        String creditNote =
                cancel(invoice.id(), "{}").then().statusCode(200).extract().path("creditNoteNumber");

        InvoiceCancelled cancelled = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> Accounting.events(invoice.id(), InvoiceCancelled.TYPE, InvoiceCancelled.class, json),
                        list -> !list.isEmpty())
                .get(0);
        assertThat(cancelled)
                .isEqualTo(new InvoiceCancelled(invoice.id(), invoice.number(), creditNote, customerId, null));
    }

    @Test
    void a_partly_paid_invoice_is_not_cancelled_and_a_cancelled_one_takes_no_payment() {
        Issued paidInPart = Accounting.issue(customerId, line("Wartung", "1", "100.00", "19"));
        pay(paidInPart.number(), "10.00").then().statusCode(201);
        Issued cancelled = Accounting.issue(customerId, line("Wartung", "1", "100.00", "19"));
        cancel(cancelled.id(), "{}").then().statusCode(200);

        cancel(paidInPart.id(), "{}").then().statusCode(409).contentType("application/problem+json");
        pay(cancelled.number(), "10.00").then().statusCode(409).contentType("application/problem+json");

        assertThat(QuarkusTransaction.requiringNew().call(() -> Payment.count("invoiceId", cancelled.id())))
                .isZero();
        asAccountant()
                .when()
                .get(API + "/invoices/" + paidInPart.id())
                .then()
                .body("status", equalTo("PARTIALLY_PAID"));
    }

    /**
     * §14 UStG, GoBD: the cancellation is its own document with its own number (GS range) and date, naming the invoice;
     * stored when cancelling, served as stored; the invoice's own documents stay as issued.
     */
    @Test
    void cancelling_stores_a_cancellation_document_of_type_381_and_leaves_the_invoices_documents_unchanged() {
        Issued invoice = Accounting.issue(customerId, line("Wartung", "1", "100.00", "19"));
        String invoicePdfHash = documentHash(invoice.id(), "/pdf");
        asAccountant()
                .when()
                .get(API + "/invoices/" + invoice.id() + "/cancellation/pdf")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");

        String creditNote = cancel(invoice.id(), "{\"reason\":\"Falscher Leistungsempfänger\"}")
                .then()
                .statusCode(200)
                .extract()
                .path("creditNoteNumber");

        byte[] xml = asAccountant()
                .when()
                .get(API + "/invoices/" + invoice.id() + "/cancellation/xrechnung")
                .then()
                .statusCode(200)
                .header("X-Content-SHA256", org.hamcrest.Matchers.notNullValue())
                .extract()
                .asByteArray();
        io.kontor.accounting.document.EInvoiceValidation.assertValid(xml, creditNote + ".xml");
        assertThat(new String(xml, java.nio.charset.StandardCharsets.UTF_8))
                .contains("<ram:TypeCode>381</ram:TypeCode>", "<ram:ID>" + creditNote + "</ram:ID>")
                .contains("<ram:IssuerAssignedID>" + invoice.number() + "</ram:IssuerAssignedID>");
        byte[] zugferd = asAccountant()
                .when()
                .get(API + "/invoices/" + invoice.id() + "/cancellation/zugferd")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        io.kontor.accounting.document.EInvoiceValidation.assertValid(zugferd, creditNote + "-factur-x.xml");
        byte[] pdf = asAccountant()
                .when()
                .get(API + "/invoices/" + invoice.id() + "/cancellation/pdf")
                .then()
                .statusCode(200)
                .contentType("application/pdf")
                .extract()
                .asByteArray();
        assertThat(io.kontor.accounting.document.PdfText.withoutSpaces(pdf))
                .contains("Stornorechnung(Gutschrift)" + creditNote, "zurRechnung" + invoice.number())
                .contains("Gutschriftsbetrag-119,00EUR", "FalscherLeistungsempfänger");
        assertThat(documentHash(invoice.id(), "/pdf"))
                .as("the invoice's PDF stays as issued")
                .isEqualTo(invoicePdfHash);
        asAccountant()
                .when()
                .get(API + "/invoices/" + invoice.id() + "/cancellation/html")
                .then()
                .statusCode(404);
    }

    @Test
    void cancelling_a_draft_is_a_409_and_an_unknown_invoice_a_404() {
        String draft = asAccountant()
                .body("{\"customerId\":\"" + customerId + "\",\"lines\":[" + line("X", "1", "10", "19") + "]}")
                .when()
                .post(API + "/invoices")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        cancel(UUID.fromString(draft), "{}").then().statusCode(409).contentType("application/problem+json");
        cancel(UUID.randomUUID(), "{}").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void a_reason_longer_than_500_characters_is_a_400_naming_it_and_cancels_nothing() {
        Issued invoice = Accounting.issue(customerId, line("Wartung", "1", "100.00", "19"));

        cancel(invoice.id(), "{\"reason\":\"" + "x".repeat(501) + "\"}")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("reason"));

        asAccountant().when().get(API + "/invoices/" + invoice.id()).then().body("status", equalTo("ISSUED"));
    }
}
