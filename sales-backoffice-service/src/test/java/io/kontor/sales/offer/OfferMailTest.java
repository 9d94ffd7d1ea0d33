package io.kontor.sales.offer;

import static io.kontor.sales.SalesApi.as;
import static io.kontor.sales.SalesApi.createOffer;
import static io.kontor.sales.SalesApi.json;
import static io.kontor.sales.SalesApi.registerCustomer;
import static io.kontor.sales.SalesApi.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.kontor.testing.TestMail;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * Sending an offer mails its PDF to the customer through the real SMTP server (read back over IMAP), and the offer
 * shows the delivery record.
 */
@QuarkusTest
class OfferMailTest {

    @Test
    void sending_an_offer_mails_its_pdf_to_the_customer_and_the_offer_shows_the_delivery() throws IOException {
        JsonPath customer = registerCustomer("Reederei Elbe GmbH");
        String email = customer.getString("email");
        String offerId = createOffer(customer.getString("id"));
        String offerNumber =
                as("sales").get("/offers/" + offerId).then().extract().path("offerNumber");

        as("sales").post("/offers/" + offerId + "/send").then().statusCode(200).body("status", equalTo("SENT"));

        JsonPath delivery = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> json(as("sales")
                                .get("/offers/" + offerId + "/deliveries")
                                .then()
                                .statusCode(200)
                                .extract()
                                .asString()),
                        deliveries -> "SENT".equals(deliveries.getString("[0].status")));
        assertThat(delivery.getList("$")).hasSize(1);
        assertThat(delivery.getString("[0].recipient")).isEqualTo(email);
        assertThat(delivery.getString("[0].documentType")).isEqualTo("offer");
        assertThat(delivery.getString("[0].handedToSmtpAt")).isNotNull();
        assertThat(delivery.getString("[0].serverResponse")).startsWith("250");
        assertThat(delivery.getString("[0].requestedBy")).isNotBlank();

        String messageId = delivery.getString("[0].messageId");
        TestMail.Received mail = TestMail.awaitMessage(email, m -> messageId.equals(m.messageId()));
        assertThat(mail.subject()).isEqualTo("Ihr Angebot " + offerNumber + " von Kontor Demo GmbH");
        assertThat(mail.text()).contains("Angebot " + offerNumber).contains("238,00 EUR");
        TestMail.Attachment pdf = mail.attachment(offerNumber + ".pdf");
        assertThat(pdf.isType("application/pdf")).isTrue();
        assertThat(pdf.sha256()).isEqualTo(delivery.getString("[0].attachments[0].sha256"));
        assertThat(delivery.getLong("[0].attachments[0].size")).isEqualTo(pdf.content().length);
        try (PDDocument document = Loader.loadPDF(pdf.content())) {
            assertThat(new PDFTextStripper().getText(document))
                    .contains("Angebot " + offerNumber)
                    .contains("Reederei Elbe GmbH");
        }
    }

    @Test
    void
            a_customer_without_an_address_is_a_conflict_naming_the_field_and_the_offer_stays_a_draft_unless_not_delivered() {
        String customerId = registerCustomer("Ohne Post GmbH").getString("id");
        String offerId = createOffer(customerId);
        // The API requires an address today; older or imported customers may lack one.
        rows("update customer set email = '' where id = ?", UUID.fromString(customerId));

        as("sales")
                .post("/offers/" + offerId + "/send")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("email"));
        as("sales").get("/offers/" + offerId).then().body("status", equalTo("DRAFT"));
        List<Map<String, String>> mails = rows("select id from mail_delivery where document_id = ?", offerId);
        assertThat(mails).isEmpty();

        as("sales")
                .body("{\"deliver\": false}")
                .post("/offers/" + offerId + "/send")
                .then()
                .statusCode(200)
                .body("status", equalTo("SENT"));
        as("sales")
                .get("/offers/" + offerId + "/deliveries")
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    void an_unknown_offer_has_no_deliveries() {
        as("sales").get("/offers/" + UUID.randomUUID() + "/deliveries").then().statusCode(404);
    }
}
