package io.kontor.sales.product;

import static io.kontor.sales.SalesApi.as;
import static io.kontor.sales.SalesApi.createProduct;
import static io.kontor.sales.SalesApi.offerBody;
import static io.kontor.sales.SalesApi.registerCustomer;
import static io.kontor.sales.SalesApi.rowCounts;
import static io.kontor.sales.SalesApi.rows;
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

        response.then()
                .statusCode(201)
                .body("sku", equalTo(sku))
                .body("vatRate", equalTo(7))
                .body("unitPrice", equalTo(490.00f))
                .body("currency", equalTo("EUR"));
        assertThat(response.header("Location")).endsWith("/api/v1/sales/products/" + response.path("id"));
        as("front-office")
                .get(response.header("Location"))
                .then()
                .statusCode(200)
                .body("name", equalTo("Seminar Buchführung"));
    }

    @Test
    void a_taken_sku_is_a_409_and_the_first_product_stays() {
        String sku = createProduct("Original", "10.00", 19);
        Map<String, Long> before = rowCounts();

        as("sales")
                .body("""
                {"sku": "%s", "name": "Kopie", "unitPrice": 20, "vatRate": 19, "unit": "h"}
                """.formatted(sku))
                .post("/products")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString(sku));

        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void the_catalogue_lists_products_by_sku() {
        String sku = createProduct("Wartungsvertrag", "1200.00", 19);

        as("front-office")
                .queryParam("size", 200)
                .get("/products")
                .then()
                .statusCode(200)
                .body("items.sku", hasItem(sku));
    }

    @Test
    void an_unused_product_is_deleted() {
        String sku = createProduct("Einmalig", "10.00", 19);
        String id = idOf(sku);

        as("sales").delete("/products/" + id).then().statusCode(204);

        as("sales").get("/products/" + id).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void a_product_an_offer_uses_is_deactivated_not_deleted_and_new_offers_refuse_it() {
        String customerId = registerCustomer("Stammkunde GmbH").getString("id");
        String sku = createProduct("Auslaufmodell", "50.00", 19);
        as("sales")
                .body(offerBody(customerId, "[{\"sku\": \"" + sku + "\", \"quantity\": 1}]"))
                .post("/offers")
                .then()
                .statusCode(201);
        String id = idOf(sku);

        as("sales").delete("/products/" + id).then().statusCode(200).body("active", equalTo(false));

        as("sales").get("/products/" + id).then().statusCode(200).body("active", equalTo(false));
        assertThat(skusListed(false)).doesNotContain(sku);
        assertThat(skusListed(true)).contains(sku);
        Map<String, Long> before = rowCounts();
        as("sales")
                .body(offerBody(customerId, "[{\"sku\": \"" + sku + "\", \"quantity\": 1}]"))
                .post("/offers")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("lines[0].sku"))
                .body("violations[0].message", containsString("no longer sold"));
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void include_inactive_must_be_true_or_false() {
        as("sales")
                .queryParam("includeInactive", "maybe")
                .get("/products")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("includeInactive"));
        as("sales")
                .queryParam("includeInactive", "TRUE")
                .get("/products")
                .then()
                .statusCode(200);
    }

    @Test
    void front_office_cannot_withdraw_products() {
        String id = idOf(createProduct("Geschützt", "10.00", 19));

        as("front-office").delete("/products/" + id).then().statusCode(403).contentType("application/problem+json");
    }

    /** Every SKU of the catalogue, page by page: the tests of this module fill it with more than one page. */
    private static java.util.List<String> skusListed(boolean includeInactive) {
        java.util.List<String> skus = new java.util.ArrayList<>();
        for (int page = 0; ; page++) {
            var answer = as("front-office")
                    .queryParam("size", 200)
                    .queryParam("page", page)
                    .queryParam("includeInactive", includeInactive)
                    .get("/products")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            java.util.List<String> onPage = answer.getList("items.sku");
            skus.addAll(onPage);
            if (onPage.size() < 200) {
                return skus;
            }
        }
    }

    private static String idOf(String sku) {
        return rows("select id from product where sku = ?", sku).get(0).get("id");
    }
}
