package io.kontor.systemtests;

import static io.kontor.systemtests.FlowSteps.EVENT_DELIVERY;
import static io.kontor.systemtests.FlowSteps.awaitInvoiceFor;
import static io.kontor.systemtests.FlowSteps.awaitProjectFor;
import static io.kontor.systemtests.FlowSteps.invoicesFor;
import static io.kontor.systemtests.FlowSteps.listProduct;
import static io.kontor.systemtests.FlowSteps.money;
import static io.kontor.systemtests.FlowSteps.offer;
import static io.kontor.systemtests.FlowSteps.registerCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * Issue #15 through the gateway: an offer with a heading, a free line and a discount on the whole offer is invoiced
 * with the offer's totals (§14 (4) UStG; the discount an EN 16931 document allowance); milestones bill at most the
 * offer's net total (409 naming {@code amount}), and the last one is a final invoice that deducts the partial invoice
 * with its VAT (§14 (5) UStG).
 */
class OfferDiscountAndFinalInvoiceFlowTest extends SystemTest {

    @Test
    void an_offer_with_a_free_line_and_a_discount_is_invoiced_with_matching_totals() throws Exception {
        String customerId = registerCustomer("Rabatt und Freitext GmbH");
        String sku = listProduct("Beratungstag", "1000.00");
        String offerId = asAdmin()
                .body("""
                        {"customerId": "%s", "billing": "ON_ACCEPTANCE", "documentDiscountPercent": 10,
                         "lines": [{"kind": "TEXT", "description": "Phase 1: Analyse"},
                                   {"sku": "%s", "quantity": 2},
                                   {"description": "Fachbuch zur Schulung", "quantity": 1, "unit": "Stk",
                                    "unitPrice": 50.00, "vatRate": 7, "supplyKind": "GOODS"}]}
                        """.formatted(customerId, sku))
                .post("/api/v1/sales/offers")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        asAdmin().post("/api/v1/sales/offers/{id}/send", offerId).then().statusCode(200);
        asAdmin().post("/api/v1/sales/offers/{id}/accept", offerId).then().statusCode(200);
        Map<String, Object> offer = offer(offerId);
        // 2050.00 of lines, 205.00 off: 1800.00 at 19 % and 45.00 at 7 %.
        assertThat(money(offer.get("netTotal"))).isEqualByComparingTo("1845.00");
        assertThat(money(offer.get("grossTotal"))).isEqualByComparingTo("2190.15");

        Map<String, Object> invoice = awaitInvoiceFor(customerId, offerId);
        assertThat(money(invoice.get("netTotal"))).isEqualByComparingTo(money(offer.get("netTotal")));
        assertThat(money(invoice.get("vatTotal"))).isEqualByComparingTo(money(offer.get("vatTotal")));
        assertThat(money(invoice.get("grossTotal"))).isEqualByComparingTo(money(offer.get("grossTotal")));
        String xml = asAdmin()
                .accept("application/xml")
                .get("/api/v1/accounting/invoices/{id}/xrechnung", invoice.get("id"))
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(xml)
                .contains("<ram:AllowanceTotalAmount>205.00</ram:AllowanceTotalAmount>")
                .contains("<ram:DuePayableAmount>2190.15</ram:DuePayableAmount>")
                .doesNotContain("Phase 1: Analyse");
        String pdf = text(asAdmin()
                .accept("application/pdf")
                .get("/api/v1/accounting/invoices/{id}/pdf", invoice.get("id"))
                .then()
                .statusCode(200)
                .extract()
                .asByteArray());
        assertThat(pdf)
                .contains("Phase 1: Analyse")
                .contains("abzüglich Rabatt 10 %")
                .contains("2.190,15");
    }

    @Test
    void milestones_stop_at_the_offers_total_and_the_last_one_is_a_final_invoice_deducting_the_first()
            throws Exception {
        String customerId = registerCustomer("Schlussrechnung Bau AG");
        String sku = listProduct("Implementierungstag", "1000.00");
        String offerId = FlowSteps.acceptedOffer(customerId, sku, 10, "MILESTONES");
        String projectId = (String) awaitProjectFor(customerId, offerId).get("id");

        String design = plan(projectId, "Fachkonzept", "4000.00")
                .statusCode(201)
                .extract()
                .path("id");
        plan(projectId, "Zu viel", "6000.01")
                .statusCode(409)
                .contentType("application/problem+json")
                .body("violations.field", contains("amount"));
        String build = plan(projectId, "Umsetzung", "6000.00")
                .statusCode(201)
                .extract()
                .path("id");

        asAdmin()
                .post("/api/v1/projects/{id}/milestones/{mid}/complete", projectId, design)
                .then()
                .statusCode(200);
        await("the partial invoice")
                .atMost(EVENT_DELIVERY)
                .until(() -> invoicesFor(customerId, offerId).size() == 1);
        asAdmin()
                .post("/api/v1/projects/{id}/milestones/{mid}/complete", projectId, build)
                .then()
                .statusCode(200);
        List<Map<String, Object>> both = await("the final invoice")
                .atMost(EVENT_DELIVERY)
                .until(() -> invoicesFor(customerId, offerId), invoices -> invoices.size() == 2);
        Map<String, Object> last = both.stream()
                .filter(i -> money(i.get("netTotal")).compareTo(new BigDecimal("6000.00")) == 0)
                .findFirst()
                .orElseThrow();
        Map<String, Object> first =
                both.stream().filter(i -> i != last).findFirst().orElseThrow();
        assertThat(money(last.get("grossTotal"))).isEqualByComparingTo("7140.00");
        String pdf = text(asAdmin()
                .accept("application/pdf")
                .get("/api/v1/accounting/invoices/{id}/pdf", last.get("id"))
                .then()
                .statusCode(200)
                .extract()
                .asByteArray());
        assertThat(pdf)
                .contains("Schlussrechnung " + last.get("invoiceNumber"))
                .contains("Gesamtleistung netto")
                .contains("10.000,00")
                .contains("abzüglich Teilrechnung " + first.get("invoiceNumber"))
                .contains("-760,00")
                .contains("Noch zu zahlen");
        String xml = asAdmin()
                .accept("application/xml")
                .get("/api/v1/accounting/invoices/{id}/xrechnung", last.get("id"))
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(xml)
                .contains("<ram:TotalPrepaidAmount>4760.00</ram:TotalPrepaidAmount>")
                .contains("<ram:DuePayableAmount>7140.00</ram:DuePayableAmount>");
    }

    private static io.restassured.response.ValidatableResponse plan(String projectId, String name, String amount) {
        return asAdmin()
                .body("""
                        {"name": "%s", "dueDate": "2027-03-01", "amount": %s}
                        """.formatted(name, amount))
                .post("/api/v1/projects/{id}/milestones", projectId)
                .then();
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }
}
