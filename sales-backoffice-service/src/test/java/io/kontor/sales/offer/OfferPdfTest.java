package io.kontor.sales.offer;

import static io.kontor.sales.SalesApi.as;
import static io.kontor.sales.SalesApi.createProduct;
import static io.kontor.sales.SalesApi.json;
import static io.kontor.sales.SalesApi.offerBody;
import static io.kontor.sales.SalesApi.registerCustomer;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.IOException;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OfferPdfTest {

    @Test
    void the_offer_pdf_names_seller_customer_number_lines_totals_per_rate_validity_and_terms() throws IOException {
        String customerId = registerCustomer("Druckerei Nord GmbH").getString("id");
        String consulting = createProduct("Beratung", "120.00", 19);
        String books = createProduct("Fachbuch", "49.90", 7);
        JsonPath offer = json(as("sales")
                .body(offerBody(customerId, """
                [{"sku": "%s", "quantity": 10, "discountPercent": 5}, {"sku": "%s", "quantity": 3, "unitPrice": 45.00}]
                """.formatted(consulting, books)))
                .post("/offers")
                .then()
                .statusCode(201)
                .extract()
                .asString());

        Response response = as("front-office").get("/offers/" + offer.getString("id") + "/pdf");

        response.then().statusCode(200).contentType("application/pdf");
        assertThat(response.header("Content-Disposition")).contains(offer.getString("offerNumber") + ".pdf");
        String text = text(response.asByteArray());
        assertThat(text).contains("Angebot " + offer.getString("offerNumber"));
        assertThat(text)
                .contains("Kontor Demo GmbH")
                .contains("Amtsgericht Hamburg")
                .contains("Geschäftsführung: Erika Mustermann");
        assertThat(text)
                .contains("Druckerei Nord GmbH")
                .contains("Hafenstraße 1")
                .contains("20457 Hamburg");
        assertThat(text).contains("Beratung").contains("Fachbuch").contains("5 %");
        // 1140.00 at 19 % (216.60) and 135.00 at 7 % (9.45): gross 1501.05
        assertThat(text).contains("USt 19 % auf 1.140,00 EUR").contains("216,60 EUR");
        assertThat(text).contains("USt 7 % auf 135,00 EUR").contains("9,45 EUR");
        assertThat(text).contains("Gesamtbetrag brutto").contains("1.501,05 EUR");
        assertThat(text).contains("gültig bis zum " + german(offer.getString("validUntil")));
    }

    @Test
    void there_is_no_pdf_of_an_unknown_offer() {
        as("sales").get("/offers/" + UUID.randomUUID() + "/pdf").then().statusCode(404);
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static String german(String isoDate) {
        String[] parts = isoDate.split("-");
        return parts[2] + "." + parts[1] + "." + parts[0];
    }
}
