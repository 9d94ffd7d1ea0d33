package io.kontor.sales.product;

import static io.kontor.sales.SalesApi.as;
import static io.kontor.sales.SalesApi.createProduct;
import static io.kontor.sales.SalesApi.rowCounts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProductResourceTest {

    @Test
    void a_new_product_answers_201_with_its_location() {
        String sku = "SEM-" + UUID.randomUUID().toString().substring(0, 6);

        Response response = as("sales").body("""
                {"sku": "%s", "name": "Seminar Buchführung", "unitPrice": 490, "vatRate": 7, "unit": "day"}
                """.formatted(sku)).post("/products");

        response.then().statusCode(201)
                .body("sku", equalTo(sku)).body("vatRate", equalTo(7)).body("unitPrice", equalTo(490.00f)).body("currency", equalTo("EUR"));
        assertThat(response.header("Location")).endsWith("/api/v1/sales/products/" + response.path("id"));
        as("front-office").get(response.header("Location")).then().statusCode(200).body("name", equalTo("Seminar Buchführung"));
    }

    @Test
    void a_taken_sku_is_a_409_and_the_first_product_stays() {
        String sku = createProduct("Original", "10.00", 19);
        Map<String, Long> before = rowCounts();

        as("sales").body("""
                {"sku": "%s", "name": "Kopie", "unitPrice": 20, "vatRate": 19, "unit": "h"}
                """.formatted(sku)).post("/products")
                .then().statusCode(409).contentType("application/problem+json").body("detail", containsString(sku));

        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void the_catalogue_lists_products_by_sku() {
        String sku = createProduct("Wartungsvertrag", "1200.00", 19);

        as("front-office").queryParam("size", 200).get("/products")
                .then().statusCode(200).body("items.sku", hasItem(sku));
    }
}
