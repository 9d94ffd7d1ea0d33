package io.kontor.sales.offer;

import static io.kontor.sales.SalesApi.as;
import static io.kontor.sales.SalesApi.awaitEvent;
import static io.kontor.sales.SalesApi.createProduct;
import static io.kontor.sales.SalesApi.json;
import static io.kontor.sales.SalesApi.registerCustomer;
import static io.kontor.sales.SalesApi.rowCounts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.kontor.platform.events.sales.OfferAccepted;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Offers as sales writes them (issue #15): catalogue lines next to free-text lines staff price themselves and headings
 * without an amount, a discount on the whole offer before VAT, prices with VAT for consumers (§1 PAngV), and the
 * customer's address and payment terms as they were when the offer went out.
 */
@QuarkusTest
class OfferLinesAndDiscountTest {

    /**
     * 2 × 100.00 at 19 % and a free line of 50.00 at 7 % make 250.00; 10 % off is 25.00, split 20.00 / 5.00 over the
     * rates in proportion to their nets, and each rate's VAT is computed after it (§10 (1) UStG, §14 (4) Nr. 8 UStG):
     * 180.00 × 19 % = 34.20, 45.00 × 7 % = 3.15.
     */
    @Test
    void a_free_line_a_heading_and_a_document_discount_make_the_totals_the_invoice_will_have() {
        String customer = registerCustomer("Freitext GmbH").getString("id");
        String sku = createProduct("Beratung", "100.00", 19);
        String id = create(customer, """
                [{"kind": "TEXT", "description": "Phase 1: Analyse"},
                 {"sku": "%s", "quantity": 2},
                 {"description": "Fachbuch zur Schulung", "quantity": 1, "unit": "Stk", "unitPrice": 50.00,
                  "vatRate": 7, "supplyKind": "GOODS"}]
                """.formatted(sku), "\"documentDiscountPercent\": 10");

        JsonPath offer = json(as("sales")
                .get("/offers/" + id)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(offer.getString("lines[0].kind")).isEqualTo("TEXT");
        assertThat(offer.getString("lines[0].netAmount")).isNull();
        assertThat(offer.getString("lines[2].kind")).isEqualTo("FREE");
        assertThat(offer.getString("lines[2].sku")).isNull();
        assertThat(offer.getObject("linesNetTotal", java.math.BigDecimal.class)).isEqualByComparingTo("250.00");
        assertThat(offer.getObject("documentDiscount.amount", java.math.BigDecimal.class))
                .isEqualByComparingTo("25.00");
        assertThat(offer.getObject("netTotal", java.math.BigDecimal.class)).isEqualByComparingTo("225.00");
        assertThat(offer.getObject("vatBreakdown[0].net", java.math.BigDecimal.class))
                .isEqualByComparingTo("180.00");
        assertThat(offer.getObject("vatBreakdown[0].vat", java.math.BigDecimal.class))
                .isEqualByComparingTo("34.20");
        assertThat(offer.getObject("vatBreakdown[1].discount", java.math.BigDecimal.class))
                .isEqualByComparingTo("5.00");
        assertThat(offer.getObject("vatTotal", java.math.BigDecimal.class)).isEqualByComparingTo("37.35");
        assertThat(offer.getObject("grossTotal", java.math.BigDecimal.class)).isEqualByComparingTo("262.35");

        as("sales")
                .body("{\"deliver\": false}")
                .post("/offers/" + id + "/send")
                .then()
                .statusCode(200);
        as("sales").post("/offers/" + id + "/accept").then().statusCode(200);
        JsonPath accepted =
                json(awaitEvent("sales.offers", id, OfferAccepted.TYPE).value());
        assertThat(accepted.getObject("discount.amount", java.math.BigDecimal.class))
                .isEqualByComparingTo("25.00");
        assertThat(accepted.getObject("discount.percent", java.math.BigDecimal.class))
                .isEqualByComparingTo("10");
        assertThat(accepted.getList("lines")).hasSize(3);
        assertThat(accepted.getString("lines[0].kind")).isEqualTo("TEXT");
        assertThat(accepted.getString("lines[0].netAmount")).isNull();
        assertThat(accepted.getString("lines[2].kind")).isEqualTo("FREE");
        assertThat(accepted.getObject("netTotal", java.math.BigDecimal.class)).isEqualByComparingTo("225.00");
    }

    @Test
    void the_offer_pdf_prints_the_heading_the_free_line_and_the_discount_before_vat() throws IOException {
        String customer = registerCustomer("PDF Rabatt GmbH").getString("id");
        String id =
                create(customer, """
                [{"kind": "TEXT", "description": "Leistungen vor Ort"},
                 {"description": "Einrichtung Arbeitsplatz", "quantity": 3, "unit": "h", "unitPrice": 80.00,
                  "vatRate": 19}]
                """, "\"documentDiscountAmount\": 40.00, \"documentDiscountReason\": \"Treuerabatt\"");

        String text = pdfText(id);

        assertThat(text).contains("Leistungen vor Ort").contains("Einrichtung Arbeitsplatz");
        assertThat(text).contains("Summe Positionen netto").contains("240,00 EUR");
        assertThat(text).contains("abzüglich Treuerabatt").contains("-40,00 EUR");
        assertThat(text).contains("USt 19 % auf 200,00 EUR").contains("38,00 EUR");
        assertThat(text).contains("238,00 EUR");
    }

    /** §1 (1) PAngV: whoever offers goods or services to consumers states the total price including VAT. */
    @Test
    void a_consumer_is_shown_prices_including_vat_in_the_api_and_the_pdf_par_1_pangv() throws IOException {
        String customer = json(as("sales")
                        .body("""
                        {"name": "Erika Mustermann", "type": "CONSUMER", "email": "erika@%s.example",
                         "paymentTermDays": 14,
                         "billingAddress": {"street": "Lindenweg 3", "postalCode": "21335", "city": "Lüneburg",
                          "country": "DE"}}
                        """.formatted(UUID.randomUUID().toString().substring(0, 8)))
                        .post("/customers")
                        .then()
                        .statusCode(201)
                        .extract()
                        .asString())
                .getString("id");
        String sku = createProduct("Fensterputz", "100.00", 19);
        String id = create(customer, "[{\"sku\": \"" + sku + "\", \"quantity\": 2}]", null);

        as("sales")
                .get("/offers/" + id)
                .then()
                .statusCode(200)
                .body("pricesGross", equalTo(true))
                .body("lines[0].grossUnitPrice", equalTo(119.00f))
                .body("lines[0].grossAmount", equalTo(238.00f));
        String text = pdfText(id);
        assertThat(text)
                .contains("Einzelpreis\nbrutto")
                .contains("2 h 119,00 EUR 19 % 238,00 EUR")
                .contains("238,00 EUR");
        assertThat(text).contains("Endpreise einschließlich der gesetzlichen Umsatzsteuer");
    }

    @Test
    void a_business_sees_net_prices_only() {
        String customer = registerCustomer("Netto GmbH").getString("id");
        String sku = createProduct("Beratung", "100.00", 19);
        String id = create(customer, "[{\"sku\": \"" + sku + "\", \"quantity\": 1}]", null);
        as("sales")
                .get("/offers/" + id)
                .then()
                .body("pricesGross", equalTo(false))
                .body("lines[0].grossUnitPrice", nullValue());
    }

    @Test
    void a_sent_offer_keeps_the_address_and_payment_terms_it_was_sent_with() throws IOException {
        JsonPath registered = registerCustomer("Umzug GmbH");
        String customer = registered.getString("id");
        String sku = createProduct("Beratung", "100.00", 19);
        String id = create(customer, "[{\"sku\": \"" + sku + "\", \"quantity\": 1}]", null);
        as("sales")
                .body("{\"deliver\": false}")
                .post("/offers/" + id + "/send")
                .then()
                .statusCode(200);

        as("sales").body("""
                        {"name": "Umzug GmbH", "type": "BUSINESS", "email": "neu@umzug.example",
                         "vatId": "DE 811 907 980", "paymentTermDays": 60,
                         "billingAddress": {"street": "Neuer Wall 9", "postalCode": "20354", "city": "Hamburg",
                          "country": "DE"}}
                        """).put("/customers/" + customer).then().statusCode(200);

        String text = pdfText(id);
        assertThat(text).contains("Hafenstraße 1").doesNotContain("Neuer Wall 9");
        assertThat(text).contains("Zahlungsziel: 30 Tage");
        as("sales")
                .get("/offers/" + id)
                .then()
                .body("recipient.billingAddress.street", equalTo("Hafenstraße 1"))
                .body("recipient.paymentTermDays", equalTo(30));
    }

    @ParameterizedTest(name = "{0}: 400 naming {1}, nothing stored")
    @CsvSource(
            delimiter = '|',
            value = {
                "a heading with an amount       | lines[0].unitPrice     | {\"kind\": \"TEXT\", \"description\": \"Kopf\", \"unitPrice\": 5}",
                "a free line without VAT rate   | lines[0].vatRate       | {\"description\": \"Frei\", \"quantity\": 1, \"unitPrice\": 5}",
                "a free line without price      | lines[0].unitPrice     | {\"description\": \"Frei\", \"quantity\": 1, \"vatRate\": 19}",
                "a free line without text       | lines[0].description   | {\"quantity\": 1, \"unitPrice\": 5, \"vatRate\": 19}",
                "a free line at a foreign rate  | lines[0].vatRate       | {\"description\": \"Frei\", \"quantity\": 1, \"unitPrice\": 5, \"vatRate\": 20}",
                "only a heading                 | lines                  | {\"kind\": \"TEXT\", \"description\": \"Kopf\"}",
            })
    void bad_lines_are_refused(String name, String field, String line) {
        String customer = registerCustomer("Fehler GmbH").getString("id");
        Map<String, Long> before = rowCounts();
        as("sales")
                .body(body(customer, "[" + line + "]", null))
                .post("/offers")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo(field));
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void a_discount_above_the_lines_or_both_kinds_of_discount_are_refused() {
        String customer = registerCustomer("Zuviel Rabatt GmbH").getString("id");
        String line = "[{\"description\": \"Frei\", \"quantity\": 1, \"unitPrice\": 50, \"vatRate\": 19}]";
        Map<String, Long> before = rowCounts();
        as("sales")
                .body(body(customer, line, "\"documentDiscountAmount\": 50.01"))
                .post("/offers")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("documentDiscountAmount"));
        as("sales")
                .body(body(customer, line, "\"documentDiscountAmount\": 5, \"documentDiscountPercent\": 5"))
                .post("/offers")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("documentDiscountAmount"));
        assertThat(rowCounts()).isEqualTo(before);
    }

    @ParameterizedTest(name = "front-office setting {0} is a 400 naming it, nothing stored")
    @CsvSource(
            delimiter = '|',
            value = {
                "documentDiscountPercent | \"documentDiscountPercent\": 5",
                "documentDiscountAmount  | \"documentDiscountAmount\": 5",
            })
    void a_front_office_system_cannot_grant_a_document_discount(String field, String json) {
        String customer = registerCustomer("Webshop Rabatt GmbH").getString("id");
        String sku = createProduct("Beratung", "100.00", 19);
        Map<String, Long> before = rowCounts();
        as("front-office")
                .body(body(customer, "[{\"sku\": \"" + sku + "\", \"quantity\": 1}]", json))
                .post("/offers")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo(field));
        assertThat(rowCounts()).isEqualTo(before);
    }

    private static String body(String customer, String lines, String extra) {
        return "{\"customerId\": \"" + customer + "\", \"billing\": \"ON_ACCEPTANCE\", \"lines\": " + lines
                + (extra == null ? "" : ", " + extra) + "}";
    }

    private static String create(String customer, String lines, String extra) {
        return as("sales")
                .body(body(customer, lines, extra))
                .post("/offers")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static String pdfText(String id) throws IOException {
        byte[] pdf = as("sales")
                .accept("application/pdf")
                .get("/offers/" + id + "/pdf")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
