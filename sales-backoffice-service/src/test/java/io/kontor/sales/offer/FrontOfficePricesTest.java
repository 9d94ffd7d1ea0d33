package io.kontor.sales.offer;

import static io.kontor.sales.SalesApi.as;
import static io.kontor.sales.SalesApi.createProduct;
import static io.kontor.sales.SalesApi.offerBody;
import static io.kontor.sales.SalesApi.registerCustomer;
import static io.kontor.sales.SalesApi.rowCounts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A front-office system (web shop, CRM) offers at list price: price, discount and tax treatment are sales' to set. */
@QuarkusTest
class FrontOfficePricesTest {

    @ParameterizedTest(name = "front-office setting {0} is a 400 naming lines[0].{0}; sales may")
    @CsvSource(
            delimiter = '|',
            value = {
                "unitPrice       | \"unitPrice\": 1.00",
                "discountPercent | \"discountPercent\": 50",
                "taxTreatment    | \"taxTreatment\": \"EXEMPT\", \"taxReason\": \"§4 Nr. 14 UStG\"",
            })
    void a_front_office_system_cannot_set_what_sales_decides(String field, String json) {
        String customer = registerCustomer("Webshop Kunde GmbH").getString("id");
        String sku = createProduct("Beratung", "100.00", 19);
        String body = offerBody(customer, "[{\"sku\": \"" + sku + "\", \"quantity\": 1, " + json + "}]");
        Map<String, Long> before = rowCounts();

        as("front-office")
                .body(body)
                .post("/offers")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("lines[0]." + field));
        assertThat(rowCounts()).isEqualTo(before);

        as("sales").body(body).post("/offers").then().statusCode(201);
    }

    @org.junit.jupiter.api.Test
    void at_list_price_a_front_office_system_makes_its_offer() {
        String customer = registerCustomer("Webshop Kunde GmbH").getString("id");
        String sku = createProduct("Beratung", "100.00", 19);

        as("front-office")
                .body(offerBody(customer, "[{\"sku\": \"" + sku + "\", \"quantity\": 2}]"))
                .post("/offers")
                .then()
                .statusCode(201)
                .body("lines[0].unitPrice", equalTo(100.00f))
                .body("grossTotal", equalTo(238.00f));
    }
}
