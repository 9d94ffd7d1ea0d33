package io.kontor.systemtests;

import static io.kontor.systemtests.FlowSteps.EVENT_DELIVERY;
import static io.kontor.systemtests.FlowSteps.acceptedOffer;
import static io.kontor.systemtests.FlowSteps.awaitInvoiceFor;
import static io.kontor.systemtests.FlowSteps.listProduct;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * Issue #18, privacy, through the gateway: a consumer customer with an invoice asks what Kontor holds about her (GDPR
 * Art. 15) and then to be erased (Art. 17). Legal registers each request, every service answers by event within the
 * test, legal assembles the bundle; on erasure accounting restricts the invoice for the statutory ten years (§147 AO,
 * §14b UStG) instead of erasing it.
 */
@SuppressWarnings("unchecked") // JSON answers read as maps and lists
class PrivacyFlowTest extends SystemTest {

    private static final String REQUESTS = "/api/v1/legal/privacy/requests";

    private static final List<String> SERVICES = List.of(
            "sales-backoffice-service",
            "accounting-service",
            "hr-service",
            "project-office-service",
            "product-development-service",
            "process-service",
            "legal-service");

    @Test
    void an_access_request_is_answered_by_every_service_and_an_erasure_shows_accounting_restricting_not_erasing()
            throws Exception {
        String email = "erika." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        JsonPath customer = JsonPath.from(asAdmin()
                .body("""
                        {"name": "Erika Verbraucherin", "type": "CONSUMER", "email": "%s", "paymentTermDays": 14,
                         "billingAddress": {"street": "Lindenweg 3", "postalCode": "10115", "city": "Berlin", "country": "DE"}}
                        """.formatted(email))
                .post("/api/v1/sales/customers")
                .then()
                .statusCode(201)
                .extract()
                .asString());
        String customerId = customer.getString("id");
        String customerNumber = customer.getString("customerNumber");
        String offerId = acceptedOffer(customerId, listProduct("Smart-Home-Einrichtung", "450.00"), 1, "ON_ACCEPTANCE");
        Map<String, Object> invoice = awaitInvoiceFor(customerId, offerId);
        String invoiceNumber = (String) invoice.get("invoiceNumber");

        // Without an identifier no service could find her: 400 naming the field, nothing registered.
        asAdmin()
                .body("{\"kind\": \"ACCESS\", \"subject\": {\"name\": \"Erika Verbraucherin\"}}")
                .post(REQUESTS)
                .then()
                .statusCode(400)
                .body("violations.field", contains("subject"));

        // Art. 15: access.
        String access = register("ACCESS", email, customerNumber);
        JsonPath bundle = awaitComplete(access);
        // Kept for the closing note: what a clerk sends the person, as JSON.
        java.nio.file.Files.writeString(
                java.nio.file.Path.of("target", "privacy-access-bundle.json"), bundle.prettify());
        assertThat(bundle.getList("answered")).containsExactlyInAnyOrderElementsOf(SERVICES);
        assertThat(bundle.getList("missing")).isEmpty();
        assertThat(bundle.getList("answers.service")).containsExactlyInAnyOrderElementsOf(SERVICES);
        assertThat(bundle.getString("answers.find { it.service == 'sales-backoffice-service' }"
                        + ".records.find { it.category == 'customer' }.records[0].email"))
                .isEqualTo(email);
        assertThat(bundle.getString("answers.find { it.service == 'accounting-service' }"
                        + ".records.find { it.category == 'invoices' }.records[0].invoiceNumber"))
                .isEqualTo(invoiceNumber);
        assertThat(bundle.getBoolean("answers.find { it.service == 'process-service' }.found"))
                .as("the audit trail recorded her registration")
                .isTrue();
        assertThat(bundle.getBoolean("answers.find { it.service == 'legal-service' }.found"))
                .as("legal's case files do not name her: no matter was opened")
                .isFalse();
        assertThat(bundle.getBoolean("answers.find { it.service == 'hr-service' }.found"))
                .as("hr does not know her")
                .isFalse();
        asAdmin().get(REQUESTS + "/{id}", access).then().statusCode(200).body("status", equalTo("ANSWERED"));
        byte[] pdf = asAdmin()
                .get(REQUESTS + "/{id}/bundle/pdf", access)
                .then()
                .statusCode(200)
                .contentType("application/pdf")
                .extract()
                .asByteArray();
        try (var document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Auskunft nach Art. 15 DSGVO").contains(invoiceNumber);
            SERVICES.forEach(service -> assertThat(text).contains(service));
        }

        // Art. 17: erasure. Accounting restricts the invoice until ten years after its year, it erases nothing.
        String erasure = register("ERASURE", email, customerNumber);
        JsonPath erased = awaitComplete(erasure);
        List<Map<String, Object>> accountingActions =
                erased.getList("answers.find { it.service == 'accounting-service' }.actions");
        int invoiceYear = LocalDate.parse((String) invoice.get("issueDate")).getYear();
        assertThat(accountingActions).isNotEmpty().allSatisfy(action -> {
            assertThat(action).containsEntry("outcome", "RESTRICTED");
            assertThat((String) action.get("reason")).contains("§147").contains("§14b");
            assertThat(action).containsEntry("keptUntil", (invoiceYear + 10) + "-12-31");
        });
        assertThat(accountingActions).extracting(a -> a.get("category")).contains("invoices");
        List<Map<String, Object>> salesActions =
                erased.getList("answers.find { it.service == 'sales-backoffice-service' }.actions");
        assertThat(salesActions)
                .as("sent offers are commercial letters (§257 HGB)")
                .extracting(a -> a.get("outcome"))
                .containsOnly("RESTRICTED");
        asAdmin()
                .get("/api/v1/accounting/invoices/{id}", invoice.get("id"))
                .then()
                .statusCode(200)
                .body("invoiceNumber", equalTo(invoiceNumber));
    }

    private static String register(String kind, String email, String customerNumber) {
        return asAdmin()
                .body("""
                        {"kind": "%s", "subject": {"name": "Erika Verbraucherin", "email": "%s", "customerNumber": "%s"}}
                        """.formatted(kind, email, customerNumber))
                .post(REQUESTS)
                .then()
                .statusCode(201)
                .body("status", equalTo("OPEN"))
                .extract()
                .path("id");
    }

    private static JsonPath awaitComplete(String requestId) {
        await("every service answers request " + requestId)
                .atMost(EVENT_DELIVERY)
                .until(() -> Boolean.TRUE.equals(asAdmin()
                        .get(REQUESTS + "/{id}/bundle", requestId)
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("complete")));
        return JsonPath.from(asAdmin()
                .get(REQUESTS + "/{id}/bundle", requestId)
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }
}
