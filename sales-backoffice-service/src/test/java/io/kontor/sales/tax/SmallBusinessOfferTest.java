package io.kontor.sales.tax;

import static io.kontor.sales.SalesApi.as;
import static io.kontor.sales.tax.OfferTaxTreatmentTest.body;
import static io.kontor.sales.tax.OfferTaxTreatmentTest.customer;
import static io.kontor.sales.tax.OfferTaxTreatmentTest.offer;
import static io.kontor.sales.tax.OfferTaxTreatmentTest.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** §19 UStG switched on for the company (KONTOR_SMALL_BUSINESS): no offer shows VAT, to anyone. */
@QuarkusTest
@TestProfile(SmallBusinessOfferTest.SmallBusiness.class)
class SmallBusinessOfferTest {

    public static class SmallBusiness implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kontor.sales.tax.small-business", "true");
        }
    }

    @Test
    void a_small_business_shows_no_vat_and_says_why_19_1_UStG() throws IOException {
        String customer = customer("BUSINESS", "DE811907980", "DE");
        String service = product("Beratung", "100.00", 19, "SERVICE");

        JsonPath offer = offer(customer, "[{\"sku\": \"" + service + "\", \"quantity\": 3}]", 201);

        assertThat(offer.getString("lines[0].taxTreatment")).isEqualTo("SMALL_BUSINESS_19");
        assertThat(offer.getInt("lines[0].vatRate")).isZero();
        assertThat(offer.getString("vatTotal")).isEqualTo("0.00");
        assertThat(offer.getString("grossTotal")).isEqualTo("300.00");
        byte[] pdf = as("sales")
                .accept("application/pdf")
                .get("/offers/" + offer.getString("id") + "/pdf")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", " "))
                    .contains("Gemäß §19 UStG wird keine Umsatzsteuer berechnet.");
        }
    }

    @Test
    void a_small_business_cannot_set_another_treatment_on_a_line() {
        String customer = customer("CONSUMER", null, "DE");
        String therapy = product("Physiotherapie", "60.00", 19, "SERVICE");

        as("sales")
                .body(body(
                        customer,
                        "[{\"sku\": \"" + therapy + "\", \"quantity\": 1, \"taxTreatment\": \"EXEMPT\","
                                + " \"taxReason\": \"Heilbehandlung, §4 Nr. 14 UStG\"}]",
                        ""))
                .post("/offers")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("lines[0].taxTreatment"));
    }
}
