package io.kontor.sales.followup;

import static io.kontor.sales.SalesApi.as;
import static io.kontor.sales.SalesApi.createOffer;
import static io.kontor.sales.SalesApi.json;
import static io.kontor.sales.SalesApi.registerCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.kontor.testing.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FollowUpResourceTest {

    @Inject
    MutableClock clock;

    @AfterEach
    void followTheSystemClockAgain() {
        clock.reset();
    }

    @Test
    void accepting_an_offer_plans_a_call_fourteen_days_later() {
        clock.set(Instant.parse("2037-04-01T08:00:00Z"));
        JsonPath customer = registerCustomer("Anruf GmbH");
        String offerId = accepted(customer.getString("id"));

        JsonPath list = followUps("customerId", customer.getString("id"));

        assertThat(list.getInt("total")).isEqualTo(1);
        assertThat(list.getString("items[0].kind")).isEqualTo("AFTER_ACCEPTANCE");
        assertThat(list.getString("items[0].status")).isEqualTo("OPEN");
        assertThat(list.getString("items[0].dueOn")).isEqualTo("2037-04-15");
        assertThat(list.getString("items[0].offerId")).isEqualTo(offerId);
        assertThat(list.getString("items[0].offerNumber")).startsWith("AN-2037-");
        assertThat(list.getString("items[0].customerNumber")).isEqualTo(customer.getString("customerNumber"));
        assertThat(list.getString("items[0].customerName")).isEqualTo("Anruf GmbH");
    }

    @Test
    void the_list_shows_open_calls_due_before_a_date_earliest_first() {
        String customerId = registerCustomer("Termine GmbH").getString("id");
        clock.set(Instant.parse("2037-05-10T08:00:00Z"));
        String later = accepted(customerId);
        clock.set(Instant.parse("2037-05-01T08:00:00Z"));
        String earlier = accepted(customerId);

        JsonPath beforeMay20 = followUps("customerId", customerId, "dueBefore", "2037-05-20", "status", "OPEN");
        JsonPath beforeMay24 = followUps("customerId", customerId, "dueBefore", "2037-05-24", "status", "OPEN");
        JsonPath beforeJune = followUps("customerId", customerId, "dueBefore", "2037-06-01", "status", "OPEN");

        assertThat(beforeMay20.getList("items.offerId")).containsExactly(earlier);
        assertThat(beforeMay24.getList("items.offerId"))
                .as("dueBefore is exclusive")
                .containsExactly(earlier);
        assertThat(beforeJune.getList("items.offerId")).containsExactly(earlier, later);
        assertThat(beforeJune.getList("items.dueOn")).containsExactly("2037-05-15", "2037-05-24");
    }

    @Test
    void completing_a_call_with_a_note_closes_it_and_completing_it_again_is_a_409() {
        String customerId = registerCustomer("Erledigt GmbH").getString("id");
        accepted(customerId);
        String id = followUps("customerId", customerId).getString("items[0].id");

        as("sales")
                .body("{\"note\": \"Projekt läuft, Folgeauftrag im Herbst\"}")
                .post("/follow-ups/" + id + "/complete")
                .then()
                .statusCode(200)
                .body("status", equalTo("DONE"))
                .body("note", equalTo("Projekt läuft, Folgeauftrag im Herbst"));

        assertThat(followUps("customerId", customerId, "status", "OPEN").getInt("total"))
                .isZero();
        assertThat(followUps("customerId", customerId, "status", "DONE").getList("items.id"))
                .containsExactly(id);
        as("sales")
                .body("{\"note\": \"nochmal\"}")
                .post("/follow-ups/" + id + "/complete")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        as("sales")
                .get("/follow-ups/" + id)
                .then()
                .statusCode(200)
                .body("note", equalTo("Projekt läuft, Folgeauftrag im Herbst"));
    }

    @Test
    void a_call_is_completed_only_with_a_note() {
        String customerId = registerCustomer("Ohne Notiz GmbH").getString("id");
        accepted(customerId);
        String id = followUps("customerId", customerId).getString("items[0].id");

        as("sales")
                .body("{\"note\": \"  \"}")
                .post("/follow-ups/" + id + "/complete")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("note"));
        as("sales")
                .body("{}")
                .post("/follow-ups/" + id + "/complete")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("note"));

        as("sales").get("/follow-ups/" + id).then().body("status", equalTo("OPEN"));
    }

    @Test
    void bad_filters_are_a_400_naming_the_parameter_and_unknown_ids_a_404() {
        as("sales")
                .queryParam("dueBefore", "next week")
                .get("/follow-ups")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("dueBefore"));
        as("sales")
                .queryParam("status", "MAYBE")
                .get("/follow-ups")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("status"));
        as("sales")
                .post("/follow-ups/" + UUID.randomUUID() + "/complete")
                .then()
                .statusCode(400);
        as("sales")
                .body("{\"note\": \"x\"}")
                .post("/follow-ups/" + UUID.randomUUID() + "/complete")
                .then()
                .statusCode(404);
        as("front-office").get("/follow-ups").then().statusCode(403);
    }

    private static String accepted(String customerId) {
        String id = createOffer(customerId);
        as("sales").post("/offers/" + id + "/send").then().statusCode(200);
        as("sales").post("/offers/" + id + "/accept").then().statusCode(200);
        return id;
    }

    private static JsonPath followUps(String... query) {
        var request = as("sales");
        for (int i = 0; i < query.length; i += 2) {
            request = request.queryParam(query[i], query[i + 1]);
        }
        return json(request.get("/follow-ups").then().statusCode(200).extract().asString());
    }
}
