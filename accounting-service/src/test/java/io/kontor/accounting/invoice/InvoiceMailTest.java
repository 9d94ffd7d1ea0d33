package io.kontor.accounting.invoice;

import static io.kontor.accounting.Accounting.asAccountant;
import static io.kontor.accounting.Accounting.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kontor.accounting.Accounting;
import io.kontor.accounting.Accounting.Issued;
import io.kontor.accounting.SalesEvents;
import io.kontor.platform.events.sales.CustomerRegistered;
import io.kontor.testing.TestMail;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issuing an invoice mails the frozen documents to the buyer: read back over IMAP from the real mail server, the PDF
 * and the XRechnung XML have the SHA-256 of the stored documents (GoBD: sent as kept; § 14 (1) UStG: the e-invoice goes
 * out with it).
 */
@QuarkusTest
class InvoiceMailTest {

    @Inject
    SalesEvents sales;

    @Test
    void an_issued_invoice_is_mailed_with_its_frozen_pdf_and_xrechnung_whose_hashes_match_the_stored_documents() {
        UUID customerId = sales.registerCustomer("Kaffeerösterei Speicher GmbH", 14);
        Issued issued = Accounting.issue(customerId, line("Beratung", "2", "150.00", "19"));
        String email = SalesEvents.registered(customerId, "x", 14).email();

        String pdfHash = asAccountant()
                .get(Accounting.API + "/invoices/" + issued.id() + "/pdf")
                .then()
                .statusCode(200)
                .extract()
                .header("X-Content-SHA256");
        String xmlHash = asAccountant()
                .get(Accounting.API + "/invoices/" + issued.id() + "/xrechnung")
                .then()
                .statusCode(200)
                .extract()
                .header("X-Content-SHA256");

        JsonPath deliveries = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> new JsonPath(asAccountant()
                                .get(Accounting.API + "/invoices/" + issued.id() + "/deliveries")
                                .then()
                                .statusCode(200)
                                .extract()
                                .asString()),
                        d -> "SENT".equals(d.getString("[0].status")));
        assertThat(deliveries.getList("$")).hasSize(1);
        assertThat(deliveries.getString("[0].recipient")).isEqualTo(email);
        assertThat(deliveries.getList("attachments[0].sha256", String.class)).containsExactly(pdfHash, xmlHash);

        String messageId = deliveries.getString("[0].messageId");
        TestMail.Received mail = TestMail.awaitMessage(email, m -> messageId.equals(m.messageId()));
        assertThat(mail.subject()).isEqualTo("Rechnung " + issued.number() + " von Kontor Demo GmbH");
        assertThat(mail.text()).contains("357,00 EUR").contains("XRechnung");
        assertThat(mail.attachment(issued.number() + ".pdf").sha256()).isEqualTo(pdfHash);
        TestMail.Attachment xml = mail.attachment(issued.number() + ".xml");
        assertThat(xml.sha256()).isEqualTo(xmlHash);
        assertThat(xml.text()).contains(issued.number());
    }

    @Test
    void a_customer_with_an_invoice_address_gets_its_invoices_there_and_not_at_the_contact() {
        UUID customerId = UUID.randomUUID();
        CustomerRegistered contact = SalesEvents.registered(customerId, "Reederei Nord GmbH", 30);
        String invoiceAddress = "rechnungseingang-" + customerId.toString().substring(0, 8) + "@reederei.example";
        sales.send(new CustomerRegistered(
                contact.customerId(),
                contact.customerNumber(),
                contact.name(),
                contact.type(),
                contact.email(),
                contact.vatId(),
                contact.paymentTermDays(),
                contact.billingAddress(),
                null,
                invoiceAddress));
        await().atMost(Duration.ofSeconds(30)).until(() -> SalesEvents.replicaHas(customerId));
        asAccountant()
                .get(Accounting.API + "/customers/" + customerId)
                .then()
                .statusCode(200)
                .body("email", org.hamcrest.Matchers.equalTo(contact.email()))
                .body("invoiceEmail", org.hamcrest.Matchers.equalTo(invoiceAddress));

        Issued issued = Accounting.issue(customerId, line("Charter", "1", "900.00", "19"));

        JsonPath deliveries = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> new JsonPath(asAccountant()
                                .get(Accounting.API + "/invoices/" + issued.id() + "/deliveries")
                                .then()
                                .statusCode(200)
                                .extract()
                                .asString()),
                        d -> "SENT".equals(d.getString("[0].status")));
        assertThat(deliveries.getString("[0].recipient")).isEqualTo(invoiceAddress);
        String messageId = deliveries.getString("[0].messageId");
        TestMail.awaitMessage(invoiceAddress, m -> messageId.equals(m.messageId()));
        assertThat(TestMail.inbox(contact.email())).as("the contact's mailbox").isEmpty();
    }

    @Test
    void a_cancelled_invoice_sends_its_credit_note_with_the_frozen_cancellation_documents() {
        UUID customerId = sales.registerCustomer("Storno Werft GmbH", 14);
        Issued issued = Accounting.issue(customerId, line("Gutachten", "1", "500.00", "19"));
        String email = SalesEvents.registered(customerId, "x", 14).email();

        String creditNote = asAccountant()
                .body("{\"reason\":\"falscher Empfänger\"}")
                .contentType("application/json")
                .post(Accounting.API + "/invoices/" + issued.id() + "/cancel")
                .then()
                .statusCode(200)
                .extract()
                .path("creditNoteNumber");
        String pdfHash = asAccountant()
                .get(Accounting.API + "/invoices/" + issued.id() + "/cancellation/pdf")
                .then()
                .statusCode(200)
                .extract()
                .header("X-Content-SHA256");
        String xmlHash = asAccountant()
                .get(Accounting.API + "/invoices/" + issued.id() + "/cancellation/xrechnung")
                .then()
                .statusCode(200)
                .extract()
                .header("X-Content-SHA256");

        // §17 (1) UStG: the buyer corrects its input VAT from the credit note, so it must reach them.
        TestMail.Received mail = TestMail.awaitMessage(email, m -> m.subject().startsWith("Stornorechnung"));
        assertThat(mail.subject())
                .isEqualTo(
                        "Stornorechnung " + creditNote + " zu Rechnung " + issued.number() + " von Kontor Demo GmbH");
        assertThat(mail.attachment(creditNote + ".pdf").sha256()).isEqualTo(pdfHash);
        assertThat(mail.attachment(creditNote + ".xml").sha256()).isEqualTo(xmlHash);
        JsonPath deliveries = new JsonPath(asAccountant()
                .get(Accounting.API + "/invoices/" + issued.id() + "/deliveries")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(deliveries.getList("subject", String.class))
                .anySatisfy(subject -> assertThat(subject).startsWith("Stornorechnung " + creditNote));
    }

    @Test
    void an_unknown_invoice_has_no_deliveries() {
        asAccountant()
                .get(Accounting.API + "/invoices/" + UUID.randomUUID() + "/deliveries")
                .then()
                .statusCode(404);
    }
}
