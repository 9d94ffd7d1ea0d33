package io.kontor.accounting.credit;

import static io.kontor.accounting.Accounting.API;
import static io.kontor.accounting.Accounting.asAccountant;
import static io.kontor.accounting.Accounting.line;
import static org.assertj.core.api.Assertions.assertThat;

import io.kontor.accounting.Accounting;
import io.kontor.accounting.Accounting.Issued;
import io.kontor.accounting.SalesEvents;
import io.kontor.testing.MutableClock;
import io.kontor.testing.TestMail;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A partial credit note reaches the buyer as the invoice did: mailed with its frozen PDF and XRechnung, read back over
 * IMAP from the real mail server with the SHA-256 of the stored documents. §17 (1) UStG: the buyer corrects the input
 * VAT it deducted from the credit note, so it must have it.
 */
@QuarkusTest
class PartialCreditMailTest {

    @Inject
    SalesEvents sales;

    @Inject
    MutableClock clock;

    @AfterEach
    void followTheSystemClockAgain() {
        clock.reset();
    }

    @Test
    void a_partial_credit_note_is_mailed_to_the_buyer_with_its_frozen_pdf_and_xrechnung() {
        // 2039: a year of its own, as invoice numbers are gapless per year and other tests count on their year's first.
        clock.set(Instant.parse("2039-03-02T09:00:00Z"));
        UUID customerId = sales.registerCustomer("Gutschrift Mail GmbH", 14);
        Issued invoice = Accounting.issue(customerId, line("Beratung", "4", "100.00", "19"));
        String email = SalesEvents.registered(customerId, "x", 14).email();

        JsonPath credit = asAccountant()
                .body("{\"reason\":\"1 Stunde nicht erbracht\",\"lines\":[{\"position\":1,\"quantity\":1}]}")
                .post(API + "/invoices/" + invoice.id() + "/credits")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        String creditId = credit.getString("id");
        String number = credit.getString("creditNoteNumber");
        assertThat(number).startsWith("GS-2039-");
        String pdfHash = hash(invoice.id(), creditId, "pdf");
        String xmlHash = hash(invoice.id(), creditId, "xrechnung");

        TestMail.Received mail = TestMail.awaitMessage(email, m -> m.subject().startsWith("Gutschrift " + number));
        assertThat(mail.subject())
                .isEqualTo("Gutschrift " + number + " zu Rechnung " + invoice.number() + " von Kontor Demo GmbH");
        assertThat(mail.text()).contains("119,00 EUR").contains("1 Stunde nicht erbracht");
        assertThat(mail.attachment(number + ".pdf").sha256()).isEqualTo(pdfHash);
        TestMail.Attachment xml = mail.attachment(number + ".xml");
        assertThat(xml.sha256()).isEqualTo(xmlHash);
        assertThat(xml.text()).contains("<ram:TypeCode>381</ram:TypeCode>").contains(invoice.number());
        JsonPath deliveries = new JsonPath(asAccountant()
                .get(API + "/invoices/" + invoice.id() + "/deliveries")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(deliveries.getList("subject", String.class))
                .anySatisfy(subject -> assertThat(subject).startsWith("Gutschrift " + number));
    }

    private static String hash(UUID invoiceId, String creditId, String kind) {
        return asAccountant()
                .accept("*/*")
                .get(API + "/invoices/" + invoiceId + "/credits/" + creditId + "/" + kind)
                .then()
                .statusCode(200)
                .extract()
                .header("X-Content-SHA256");
    }
}
