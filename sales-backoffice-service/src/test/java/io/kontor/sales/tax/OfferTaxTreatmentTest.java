package io.kontor.sales.tax;

import static io.kontor.sales.SalesApi.as;
import static io.kontor.sales.SalesApi.awaitEvent;
import static io.kontor.sales.SalesApi.json;
import static io.kontor.sales.SalesApi.rowCounts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.kontor.platform.events.sales.OfferAccepted;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The tax treatment of offer lines: derived from customer and product, or set by sales with a reason. */
@QuarkusTest
class OfferTaxTreatmentTest {

    @Test
    void goods_to_an_austrian_business_with_vat_id_are_an_exempt_intra_community_supply_6a_UStG() {
        String customer = customer("BUSINESS", "ATU13585627", "AT");
        String goods = product("Werkbank", "1000.00", 19, "GOODS");

        JsonPath offer = offer(customer, "[{\"sku\": \"" + goods + "\", \"quantity\": 2}]", 201);

        assertThat(offer.getString("lines[0].taxTreatment")).isEqualTo("INTRA_EU_SUPPLY");
        assertThat(offer.getInt("lines[0].vatRate")).isZero();
        assertThat(offer.getString("vatTotal")).isEqualTo("0.00");
        assertThat(offer.getString("grossTotal")).isEqualTo("2000.00");
    }

    @Test
    void a_service_to_a_french_business_is_taxed_in_france_3a_2_UStG_and_the_event_says_so() {
        String customer = customer("BUSINESS", "FR40303265045", "FR");
        String service = product("Beratung", "150.00", 19, "SERVICE");
        String id = offer(
                        customer,
                        "[{\"sku\": \"" + service + "\", \"quantity\": 4}]",
                        201,
                        ", \"purchaseOrderReference\": \"PO-4711\", \"serviceFrom\": \"2030-03-01\","
                                + " \"serviceUntil\": \"2030-03-31\"")
                .getString("id");
        as("sales").post("/offers/" + id + "/send").then().statusCode(200);
        as("sales").post("/offers/" + id + "/accept").then().statusCode(200);

        JsonPath event =
                json(awaitEvent(OfferAccepted.TOPIC, id, OfferAccepted.TYPE).value());
        assertThat(event.getString("lines[0].taxTreatment")).isEqualTo("EU_B2B_SERVICE");
        assertThat(event.getString("lines[0].vatRate")).isEqualTo("0");
        assertThat(event.getString("vatTotal")).isEqualTo("0.00");
        assertThat(event.getString("purchaseOrderReference")).isEqualTo("PO-4711");
        assertThat(event.getString("serviceFrom")).isEqualTo("2030-03-01");
        assertThat(event.getString("serviceUntil")).isEqualTo("2030-03-31");
    }

    @Test
    void outside_the_eu_goods_are_an_export_6_UStG_and_services_to_a_consumer_stay_german_3a_1_UStG() {
        String goods = product("Ersatzteil", "80.00", 19, "GOODS");
        String service = product("Fernwartung", "100.00", 19, "SERVICE");

        JsonPath toBusiness =
                offer(customer("BUSINESS", null, "CH"), "[{\"sku\": \"" + goods + "\", \"quantity\": 1}]", 201);
        JsonPath toConsumer = offer(
                customer("CONSUMER", null, "US"),
                "[{\"sku\": \"" + goods + "\", \"quantity\": 1}, {\"sku\": \"" + service + "\", \"quantity\": 1}]",
                201);

        assertThat(toBusiness.getString("lines[0].taxTreatment")).isEqualTo("EXPORT");
        assertThat(toConsumer.getString("lines[0].taxTreatment")).isEqualTo("EXPORT");
        assertThat(toConsumer.getString("lines[1].taxTreatment")).isEqualTo("DOMESTIC");
        assertThat(toConsumer.getInt("lines[1].vatRate")).isEqualTo(19);
        assertThat(toConsumer.getString("vatTotal")).isEqualTo("19.00");
    }

    @Test
    void a_service_to_a_swiss_business_is_not_taxable_in_germany_and_cannot_share_an_offer_BR_O_11() {
        String customer = customer("BUSINESS", null, "CH");
        String service = product("Beratung", "100.00", 19, "SERVICE");
        String goods = product("Gerät", "100.00", 19, "GOODS");

        JsonPath alone = offer(customer, "[{\"sku\": \"" + service + "\", \"quantity\": 1}]", 201);
        assertThat(alone.getString("lines[0].taxTreatment")).isEqualTo("NOT_TAXABLE_IN_DE");

        Map<String, Long> before = rowCounts();
        as("sales")
                .body(body(
                        customer,
                        "[{\"sku\": \"" + service + "\", \"quantity\": 1}, {\"sku\": \"" + goods
                                + "\", \"quantity\": 1}]",
                        ""))
                .post("/offers")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("lines"));
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void sales_sets_13b_reverse_charge_for_construction_work_with_a_reason_13b_2_Nr_4_UStG() {
        String builder = customer("BUSINESS", "DE811907980", "DE");
        String work = product("Trockenbau", "55.00", 19, "SERVICE");

        JsonPath offer = offer(
                builder,
                "[{\"sku\": \"" + work + "\", \"quantity\": 10, \"taxTreatment\": \"REVERSE_CHARGE_13B\","
                        + " \"taxReason\": \"Bauleistung an Bauleistenden, §13b Abs. 2 Nr. 4 UStG\"}]",
                201);

        assertThat(offer.getString("lines[0].taxTreatment")).isEqualTo("REVERSE_CHARGE_13B");
        assertThat(offer.getString("lines[0].taxReason")).contains("§13b");
        assertThat(offer.getString("vatTotal")).isEqualTo("0.00");
    }

    @Test
    void an_exemption_without_its_reason_is_refused_and_nothing_is_stored_14_4_Nr_8_UStG() {
        String customer = customer("CONSUMER", null, "DE");
        String therapy = product("Physiotherapie", "60.00", 19, "SERVICE");
        Map<String, Long> before = rowCounts();

        as("sales")
                .body(body(
                        customer,
                        "[{\"sku\": \"" + therapy + "\", \"quantity\": 1, \"taxTreatment\": \"EXEMPT\"}]",
                        ""))
                .post("/offers")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("lines[0].taxReason"));
        assertThat(rowCounts()).isEqualTo(before);

        JsonPath exempt = offer(
                customer,
                "[{\"sku\": \"" + therapy + "\", \"quantity\": 1, \"taxTreatment\": \"EXEMPT\","
                        + " \"taxReason\": \"Heilbehandlung, §4 Nr. 14 UStG\"}]",
                201);
        assertThat(exempt.getString("lines[0].taxTreatment")).isEqualTo("EXEMPT");
        assertThat(exempt.getString("grossTotal")).isEqualTo("60.00");
    }

    @Test
    void reverse_charge_needs_the_customers_vat_id_14a_1_UStG() {
        String consumer = customer("CONSUMER", null, "DE");
        String work = product("Trockenbau", "55.00", 19, "SERVICE");

        as("sales")
                .body(body(
                        consumer,
                        "[{\"sku\": \"" + work + "\", \"quantity\": 1, \"taxTreatment\": \"REVERSE_CHARGE_13B\","
                                + " \"taxReason\": \"Bauleistung\"}]",
                        ""))
                .post("/offers")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("lines[0].taxTreatment"));
    }

    @Test
    void a_service_period_that_ends_before_it_starts_is_refused_14_4_Nr_6_UStG() {
        String customer = customer("BUSINESS", "DE811907980", "DE");
        String service = product("Beratung", "100.00", 19, "SERVICE");
        Map<String, Long> before = rowCounts();

        as("sales")
                .body(body(
                        customer,
                        "[{\"sku\": \"" + service + "\", \"quantity\": 1}]",
                        ", \"serviceFrom\": \"2030-03-31\", \"serviceUntil\": \"2030-03-01\""))
                .post("/offers")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("serviceUntil"));
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void domestic_lines_keep_the_products_rate() {
        String customer = customer("BUSINESS", "DE811907980", "DE");
        String book = product("Fachbuch", "20.00", 7, "GOODS");

        JsonPath offer = offer(customer, "[{\"sku\": \"" + book + "\", \"quantity\": 1}]", 201);

        assertThat(offer.getString("lines[0].taxTreatment")).isEqualTo("DOMESTIC");
        assertThat(offer.getInt("lines[0].vatRate")).isEqualTo(7);
        assertThat(new BigDecimal(offer.getString("vatTotal"))).isEqualByComparingTo("1.40");
    }

    static String customer(String type, String vatId, String country) {
        return as("sales")
                .body("""
                {"name": "Kunde %s", "type": "%s", "email": "kunde@%s.example", "vatId": %s,
                 "billingAddress": {"street": "Straße 1", "postalCode": "1010", "city": "Stadt", "country": "%s"}}
                """.formatted(
                                country,
                                type,
                                UUID.randomUUID().toString().substring(0, 8),
                                vatId == null ? "null" : "\"" + vatId + "\"",
                                country))
                .post("/customers")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static String product(String name, String price, int vatRate, String kind) {
        String sku = "TAX-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        as("sales")
                .body("""
                {"sku": "%s", "name": "%s", "unitPrice": %s, "vatRate": %d, "unit": "pc", "kind": "%s"}
                """.formatted(sku, name, price, vatRate, kind))
                .post("/products")
                .then()
                .statusCode(201)
                .body("kind", equalTo(kind));
        return sku;
    }

    static String body(String customerId, String lines, String more) {
        return "{\"customerId\": \"" + customerId + "\", \"billing\": \"ON_ACCEPTANCE\", \"lines\": " + lines + more
                + "}";
    }

    static JsonPath offer(String customerId, String lines, int status) {
        return offer(customerId, lines, status, "");
    }

    static JsonPath offer(String customerId, String lines, int status, String more) {
        return json(as("sales")
                .body(body(customerId, lines, more))
                .post("/offers")
                .then()
                .statusCode(status)
                .extract()
                .asString());
    }
}
