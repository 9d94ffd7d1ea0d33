package io.kontor.sales.offer;

import static io.kontor.sales.SalesApi.as;
import static io.kontor.sales.SalesApi.awaitEvent;
import static io.kontor.sales.SalesApi.createOfferIn;
import static io.kontor.sales.SalesApi.createProduct;
import static io.kontor.sales.SalesApi.json;
import static io.kontor.sales.SalesApi.offerBody;
import static io.kontor.sales.SalesApi.rowCounts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class OfferRevisionTest {

    private static final String SENT = "kontor.sales.offer-sent.v1";

    @Test
    void changing_a_sent_offer_makes_revision_two_and_keeps_the_sent_one() {
        String id = createOfferIn("SENT");
        JsonPath sent = offer(id);
        String sku = createProduct("Beratung", "90.00", 19);

        Response response = as("sales")
                .body(offerBody(sent.getString("customerId"), "[{\"sku\": \"" + sku + "\", \"quantity\": 3}]"))
                .put("/offers/" + id);

        response.then().statusCode(201);
        JsonPath revision = json(response.asString());
        String revisionId = revision.getString("id");
        assertThat(response.header("Location")).endsWith("/offers/" + revisionId);
        assertThat(revisionId).isNotEqualTo(id);
        assertThat(revision.getString("offerNumber")).isEqualTo(sent.getString("offerNumber"));
        assertThat(revision.getInt("revision")).isEqualTo(2);
        assertThat(revision.getString("status")).isEqualTo("DRAFT");
        assertThat(revision.getString("previousRevisionId")).isEqualTo(id);
        assertThat(revision.getObject("grossTotal", BigDecimal.class)).isEqualTo(new BigDecimal("321.30"));

        JsonPath kept = offer(id);
        assertThat(kept.getString("status")).isEqualTo("SUPERSEDED");
        assertThat(kept.getInt("revision")).isEqualTo(1);
        assertThat(kept.getString("supersededById")).isEqualTo(revisionId);
        assertThat(kept.getObject("grossTotal", BigDecimal.class))
                .isEqualTo(sent.getObject("grossTotal", BigDecimal.class));
        assertThat(kept.getList("lines.sku")).isEqualTo(sent.getList("lines.sku"));
    }

    @Test
    void the_revision_is_sent_and_accepted_like_any_offer_and_the_superseded_one_no_longer_can_be() {
        String id = createOfferIn("SENT");
        JsonPath sent = offer(id);
        String revisionId = as("sales")
                .body(offerBody(
                        sent.getString("customerId"),
                        "[{\"sku\": \"" + sent.getString("lines[0].sku") + "\", \"quantity\": 5}]"))
                .put("/offers/" + id)
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        as("sales").post("/offers/" + revisionId + "/send").then().statusCode(200);

        JsonPath event = json(awaitEvent("sales.offers", revisionId, SENT).value());
        assertThat(event.getInt("revision")).isEqualTo(2);
        assertThat(event.getString("offerNumber")).isEqualTo(sent.getString("offerNumber"));
        as("sales").post("/offers/" + id + "/accept").then().statusCode(409);
        as("sales")
                .post("/offers/" + revisionId + "/accept")
                .then()
                .statusCode(200)
                .body("status", equalTo("ACCEPTED"));
    }

    @Test
    void a_draft_is_changed_in_place() {
        String id = createOfferIn("DRAFT");
        JsonPath draft = offer(id);
        String sku = createProduct("Schulung", "50.00", 7);

        as("sales")
                .body(offerBody(draft.getString("customerId"), "[{\"sku\": \"" + sku + "\", \"quantity\": 2}]"))
                .put("/offers/" + id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("revision", equalTo(1))
                .body("lines[0].sku", equalTo(sku))
                .body("grossTotal", equalTo(107.00f));
    }

    @ParameterizedTest(name = "a {0} offer cannot be changed")
    @ValueSource(strings = {"ACCEPTED", "REJECTED"})
    void an_answered_offer_cannot_be_changed(String status) {
        String id = createOfferIn(status);
        JsonPath before = offer(id);

        as("sales")
                .body(offerBody(
                        before.getString("customerId"),
                        "[{\"sku\": \"" + before.getString("lines[0].sku") + "\", \"quantity\": 9}]"))
                .put("/offers/" + id)
                .then()
                .statusCode(409)
                .contentType("application/problem+json");

        assertThat(offer(id).getString("status")).isEqualTo(status);
    }

    @Test
    void a_bad_change_is_a_400_and_changes_nothing() {
        String id = createOfferIn("SENT");
        JsonPath before = offer(id);
        Map<String, Long> rows = rowCounts();

        as("sales")
                .body(offerBody(before.getString("customerId"), "[{\"sku\": \"NO-SUCH-SKU\", \"quantity\": 1}]"))
                .put("/offers/" + id)
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("lines[0].sku"));
        as("sales")
                .body(offerBody(
                        before.getString("customerId"),
                        "[{\"sku\": \"" + before.getString("lines[0].sku") + "\", \"quantity\": -1}]"))
                .put("/offers/" + id)
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("lines[0].quantity"));
        as("sales")
                .body(offerBody(
                        UUID.randomUUID().toString(),
                        "[{\"sku\": \"" + before.getString("lines[0].sku") + "\", \"quantity\": 1}]"))
                .put("/offers/" + id)
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("customerId"));

        assertThat(rowCounts()).isEqualTo(rows);
        assertThat(offer(id).getString("status")).isEqualTo("SENT");
    }

    private static JsonPath offer(String id) {
        return json(as("sales")
                .get("/offers/" + id)
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }
}
