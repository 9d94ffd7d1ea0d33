package io.kontor.sales.template;

import static io.kontor.sales.SalesApi.as;
import static io.kontor.sales.SalesApi.awaitEvent;
import static io.kontor.sales.SalesApi.createProduct;
import static io.kontor.sales.SalesApi.json;
import static io.kontor.sales.SalesApi.registerCustomer;
import static io.kontor.sales.SalesApi.rowCounts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OfferTemplateTest {

    private static final String ACCEPTED = "kontor.sales.offer-accepted.v1";

    @Test
    void a_template_keeps_its_validity_texts_and_lines() {
        String sku = createProduct("Wartung", "80.00", 19);

        JsonPath created = json(as("sales")
                .body("""
                {"name": "Wartungsvertrag", "validityDays": 21, "introText": "Vielen Dank für Ihre Anfrage.",
                 "termsText": "Zahlbar innerhalb von 14 Tagen.", "lines": [{"sku": "%s", "quantity": 12, "optional": false}]}
                """.formatted(sku))
                .post("/offer-templates")
                .then()
                .statusCode(201)
                .extract()
                .asString());

        String id = created.getString("id");
        as("front-office").get("/offer-templates/" + id).then().statusCode(403);
        as("front-office").get("/offer-templates").then().statusCode(403);
        as("middle-office")
                .get("/offer-templates/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo("Wartungsvertrag"))
                .body("validityDays", equalTo(21))
                .body("termsText", equalTo("Zahlbar innerhalb von 14 Tagen."))
                .body("lines[0].sku", equalTo(sku))
                .body("lines[0].optional", equalTo(false));
        as("sales")
                .queryParam("size", 200)
                .get("/offer-templates")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id));
    }

    @Test
    void an_offer_from_a_template_takes_its_lines_texts_and_validity_and_leaves_options_out_of_the_totals() {
        String customerId = registerCustomer("Vorlage GmbH").getString("id");
        String template = installationTemplate();
        String extra = createProduct("Anfahrt", "30.00", 19);

        JsonPath offer = json(as("sales")
                .body("""
                {"customerId": "%s", "templateId": "%s", "billing": "ON_ACCEPTANCE", "lines": [{"sku": "%s", "quantity": 1}]}
                """.formatted(customerId, template, extra))
                .post("/offers")
                .then()
                .statusCode(201)
                .extract()
                .asString());

        assertThat(offer.getList("lines.description")).containsExactly("Installation", "Schulung", "Anfahrt");
        assertThat(offer.getList("lines.position", Integer.class)).containsExactly(1, 2, 3);
        assertThat(offer.getList("lines.optional", Boolean.class)).containsExactly(false, true, false);
        // 2 × 100.00 + 30.00 at 19 %; the optional training (50.00 at 7 %) is shown but not counted
        assertThat(offer.getObject("netTotal", BigDecimal.class)).isEqualTo(new BigDecimal("230.00"));
        assertThat(offer.getObject("grossTotal", BigDecimal.class)).isEqualTo(new BigDecimal("273.70"));
        assertThat(LocalDate.parse(offer.getString("validUntil")))
                .isEqualTo(LocalDate.parse(offer.getString("issueDate")).plusDays(10));
        assertThat(offer.getString("introText")).isEqualTo("Gern bieten wir Ihnen an:");
        assertThat(offer.getString("termsText")).isEqualTo("Es gelten unsere AGB.");
        assertThat(offer.getString("templateId")).isEqualTo(template);
    }

    @Test
    void accepting_with_a_chosen_option_puts_it_into_the_totals_and_into_offer_accepted() {
        String id = sentOfferFromTemplate();

        JsonPath accepted = json(as("sales")
                .body("{\"chosenOptions\": [2]}")
                .post("/offers/" + id + "/accept")
                .then()
                .statusCode(200)
                .extract()
                .asString());

        assertThat(accepted.getList("lines.chosen", Boolean.class)).containsExactly(false, true);
        // 200.00 at 19 % (38.00) + 50.00 at 7 % (3.50)
        assertThat(accepted.getObject("grossTotal", BigDecimal.class)).isEqualTo(new BigDecimal("291.50"));
        JsonPath event = json(awaitEvent("sales.offers", id, ACCEPTED).value());
        assertThat(event.getList("lines.description")).containsExactly("Installation", "Schulung");
        assertThat(event.getObject("grossTotal", BigDecimal.class)).isEqualTo(new BigDecimal("291.50"));
    }

    @Test
    void an_option_left_out_at_acceptance_is_neither_billed_nor_counted() {
        String id = sentOfferFromTemplate();

        as("sales").post("/offers/" + id + "/accept").then().statusCode(200).body("grossTotal", equalTo(238.00f));

        JsonPath event = json(awaitEvent("sales.offers", id, ACCEPTED).value());
        assertThat(event.getList("lines.description")).containsExactly("Installation");
    }

    @Test
    void choosing_a_line_that_is_no_option_is_a_400_and_the_offer_stays_sent() {
        String id = sentOfferFromTemplate();

        as("sales")
                .body("{\"chosenOptions\": [1]}")
                .post("/offers/" + id + "/accept")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("chosenOptions"));

        as("sales").get("/offers/" + id).then().body("status", equalTo("SENT"));
    }

    @Test
    void bad_templates_and_unknown_templates_are_400s_that_store_nothing() {
        String sku = createProduct("Wartung", "80.00", 19);
        Map<String, Long> before = rowCounts();

        as("sales")
                .body(
                        "{\"name\": \"X\", \"validityDays\": 14, \"lines\": [{\"sku\": \"NO-SUCH-SKU\", \"quantity\": 1}]}")
                .post("/offer-templates")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("lines[0].sku"));
        as("sales")
                .body("{\"name\": \"X\", \"validityDays\": 0, \"lines\": [{\"sku\": \"" + sku
                        + "\", \"quantity\": 1}]}")
                .post("/offer-templates")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("validityDays"));
        as("sales")
                .body("{\"name\": \"X\", \"validityDays\": 14, \"lines\": [{\"sku\": \"" + sku
                        + "\", \"quantity\": -2}]}")
                .post("/offer-templates")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("lines[0].quantity"));
        as("sales")
                .body("{\"name\": \"X\", \"validityDays\": 14, \"lines\": []}")
                .post("/offer-templates")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("lines"));
        String customerId = registerCustomer("Ohne Vorlage GmbH").getString("id");
        before = rowCounts();
        as("sales")
                .body("{\"customerId\": \"" + customerId + "\", \"templateId\": \"" + UUID.randomUUID()
                        + "\", \"billing\": \"ON_ACCEPTANCE\"}")
                .post("/offers")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("templateId"));

        assertThat(rowCounts()).isEqualTo(before);
    }

    /** Installation (2 × 100.00 at 19 %) and, optionally, training (1 × 50.00 at 7 %); valid 10 days. */
    private static String installationTemplate() {
        String installation = createProduct("Installation", "100.00", 19);
        String training = createProduct("Schulung", "50.00", 7);
        return as("sales")
                .body("""
                {"name": "Installation", "validityDays": 10, "introText": "Gern bieten wir Ihnen an:", "termsText": "Es gelten unsere AGB.",
                 "lines": [{"sku": "%s", "quantity": 2}, {"sku": "%s", "quantity": 1, "optional": true}]}
                """.formatted(installation, training))
                .post("/offer-templates")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static String sentOfferFromTemplate() {
        String customerId = registerCustomer("Option GmbH").getString("id");
        String id = as("sales")
                .body("""
                {"customerId": "%s", "templateId": "%s", "billing": "ON_ACCEPTANCE"}
                """.formatted(customerId, installationTemplate()))
                .post("/offers")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as("sales").post("/offers/" + id + "/send").then().statusCode(200);
        return id;
    }
}
