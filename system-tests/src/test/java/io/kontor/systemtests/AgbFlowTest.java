package io.kontor.systemtests;

import static io.kontor.systemtests.FlowSteps.EVENT_DELIVERY;
import static io.kontor.systemtests.FlowSteps.SELLERS_ZONE;
import static io.kontor.systemtests.FlowSteps.awaitInvoiceFor;
import static io.kontor.systemtests.FlowSteps.listProduct;
import static io.kontor.systemtests.FlowSteps.registerCustomer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.kontor.testing.TestTokens;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * Issue #18 through the gateway: legal publishes AGB, the web shop reads the version in force, sales pins it to the
 * offer it sends and names it in the PDF, the acceptance records version, time and person, and the invoice names the
 * version. §305 (2) BGB: AGB bind only if the customer was pointed to them and accepted them - provably which.
 */
@SuppressWarnings("unchecked") // JSON answers read as maps and lists
class AgbFlowTest extends SystemTest {

    private static final String LEGAL = "/api/v1/legal";

    @Test
    void an_offer_is_sent_and_accepted_under_the_agb_version_in_force_and_the_invoice_names_it() throws Exception {
        LocalDate today = LocalDate.now(SELLERS_ZONE);
        String document = asAdmin()
                .body("{\"kind\": \"AGB\", \"language\": \"de\", \"title\": \"Allgemeine Geschäftsbedingungen\"}")
                .post(LEGAL + "/documents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        asAdmin()
                .body("{\"text\": \"# § 1 Geltung\\n\\nDiese AGB gelten für alle Angebote.\"}")
                .post(LEGAL + "/documents/{id}/versions", document)
                .then()
                .statusCode(201);
        asAdmin()
                .post(LEGAL + "/documents/{id}/versions/1/submit", document)
                .then()
                .statusCode(200);
        // An effective date in the past is refused, naming the field; the version stays in review.
        asAdmin()
                .body("{\"effectiveFrom\": \"" + today.minusDays(1) + "\"}")
                .post(LEGAL + "/documents/{id}/versions/1/publish", document)
                .then()
                .statusCode(400)
                .body("violations.field", contains("effectiveFrom"));
        String sha256 = asAdmin()
                .body("{\"effectiveFrom\": \"" + today + "\"}")
                .post(LEGAL + "/documents/{id}/versions/1/publish", document)
                .then()
                .statusCode(200)
                .body("status", equalTo("PUBLISHED"))
                .extract()
                .path("sha256");

        // The web shop (front-office) reads the version in force.
        given().baseUri(platform.gatewayUrl())
                .header("Authorization", TestTokens.bearer("front-office"))
                .get(LEGAL + "/published/AGB")
                .then()
                .statusCode(200)
                .body("version", equalTo(1))
                .body("html", equalTo("<h1>§ 1 Geltung</h1>\n<p>Diese AGB gelten für alle Angebote.</p>\n"));

        // Sales learns of it by event.
        await("sales' replica of AGB version 1").atMost(EVENT_DELIVERY).until(() -> {
            List<Map<String, Object>> versions = asAdmin()
                    .get("/api/v1/sales/agb-versions")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("items");
            return versions.stream()
                    .anyMatch(v -> document.equals(v.get("documentId")) && Boolean.TRUE.equals(v.get("inForce")));
        });

        String customerId = registerCustomer("AGB-Kunde GmbH");
        String sku = listProduct("Beratung", "1000.00");
        String offerId = asAdmin()
                .body(
                        "{\"customerId\": \"%s\", \"billing\": \"ON_ACCEPTANCE\", \"lines\": [{\"sku\": \"%s\", \"quantity\": 1}]}"
                                .formatted(customerId, sku))
                .post("/api/v1/sales/offers")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        asAdmin()
                .body("{\"deliver\": false}")
                .post("/api/v1/sales/offers/{id}/send", offerId)
                .then()
                .statusCode(200)
                .body("terms.version", equalTo(1))
                .body("terms.sha256", equalTo(sha256));
        byte[] offerPdf = asAdmin()
                .get("/api/v1/sales/offers/{id}/pdf", offerId)
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        assertThat(text(offerPdf)).contains("Allgemeine Geschäftsbedingungen in der Fassung Version 1 vom");

        // A later version does not change the offer already sent.
        asAdmin()
                .body("{\"text\": \"# § 1 Geltung\\n\\nNeu gefasst.\"}")
                .post(LEGAL + "/documents/{id}/versions", document)
                .then()
                .statusCode(201);
        asAdmin()
                .post(LEGAL + "/documents/{id}/versions/2/submit", document)
                .then()
                .statusCode(200);
        asAdmin()
                .body("{\"effectiveFrom\": \"" + today.plusDays(1) + "\"}")
                .post(LEGAL + "/documents/{id}/versions/2/publish", document)
                .then()
                .statusCode(200);

        Map<String, Object> accepted = asAdmin()
                .body("{\"acceptedBy\": \"Erika Muster, Geschäftsführerin\"}")
                .post("/api/v1/sales/offers/{id}/accept", offerId)
                .then()
                .statusCode(200)
                .extract()
                .path("acceptance");
        assertThat((Map<String, Object>) accepted.get("terms")).containsEntry("version", 1);
        assertThat(accepted).containsEntry("acceptedBy", "Erika Muster, Geschäftsführerin");
        assertThat(accepted.get("acceptedAt")).isNotNull();
        assertThat(accepted.get("recordedBy")).isNotNull();

        Map<String, Object> invoice = awaitInvoiceFor(customerId, offerId);
        byte[] invoicePdf = asAdmin()
                .get("/api/v1/accounting/invoices/{id}/pdf", invoice.get("id"))
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        assertThat(text(invoicePdf)).contains("Allgemeine Geschäftsbedingungen in der Fassung Version 1 vom");
    }

    private static String text(byte[] pdf) throws Exception {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }
}
