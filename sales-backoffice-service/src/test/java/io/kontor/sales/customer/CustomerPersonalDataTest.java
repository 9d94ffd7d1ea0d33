package io.kontor.sales.customer;

import static io.kontor.sales.SalesApi.as;
import static io.kontor.sales.SalesApi.awaitEvent;
import static io.kontor.sales.SalesApi.createOffer;
import static io.kontor.sales.SalesApi.registerCustomer;
import static io.kontor.sales.SalesApi.rows;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kontor.platform.events.privacy.DataSubject;
import io.kontor.platform.events.sales.CustomerUpdated;
import io.kontor.testing.TestPrivacy;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Plays legal: data-subject requests (GDPR Art. 15, 17) arrive on legal.privacy, sales answers on privacy.answers
 * through the platform's consumer and {@link CustomerPersonalData}.
 */
@QuarkusTest
class CustomerPersonalDataTest {

    @Inject
    TestPrivacy privacy;

    @Test
    void an_access_request_by_customer_number_exports_the_customer_and_its_offers() {
        JsonPath customer =
                registerCustomer("Auskunft " + UUID.randomUUID().toString().substring(0, 6));
        String offerId = createOffer(customer.getString("id"));
        as("sales").post("/offers/" + offerId + "/send").then().statusCode(200);

        JsonNode answer = privacy.ask("ACCESS", subject(customer.getString("customerNumber"), null));

        assertThat(answer.path("service").asText()).isEqualTo("sales-backoffice-service");
        assertThat(answer.path("found").asBoolean()).isTrue();
        assertThat(answer.path("actions")).isEmpty();
        JsonNode customers = category(answer, "customer");
        assertThat(customers.path("records").get(0).path("email").asText()).isEqualTo(customer.getString("email"));
        assertThat(customers.path("legalBasis").asText()).contains("Art. 6 (1) (b)");
        assertThat(category(answer, "offers")
                        .path("records")
                        .get(0)
                        .path("status")
                        .asText())
                .isEqualTo("SENT");
    }

    @Test
    void an_erasure_restricts_a_customer_with_sent_offers_for_six_years_as_commercial_letters() {
        // §257 (1) no. 2-3, (4), (5) HGB, §147 (1) no. 2-3, (3) AO: sent offers are kept six years from the year's end.
        JsonPath customer =
                registerCustomer("Handelsbrief " + UUID.randomUUID().toString().substring(0, 6));
        String offerId = createOffer(customer.getString("id"));
        as("sales").post("/offers/" + offerId + "/send").then().statusCode(200);

        JsonNode answer = privacy.ask("ERASURE", subject(customer.getString("customerNumber"), null));

        JsonNode action = answer.path("actions").get(0);
        assertThat(action.path("category").asText()).isEqualTo("customer");
        assertThat(action.path("outcome").asText()).isEqualTo("RESTRICTED");
        assertThat(action.path("reason").asText()).contains("§257").contains("Art. 18");
        assertThat(action.path("keptUntil").asText())
                .isEqualTo(LocalDate.of(LocalDate.now().getYear() + 6, 12, 31).toString());
        assertThat(rows(
                        "select name, processing_restricted_at from customer where id = ?",
                        UUID.fromString(customer.getString("id"))))
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.get("name")).isEqualTo(customer.getString("name"));
                    assertThat(row.get("processing_restricted_at")).isNotNull();
                });
    }

    @Test
    void an_erasure_anonymises_a_customer_without_offers_and_tells_the_replicas() {
        JsonPath customer =
                registerCustomer("Löschen " + UUID.randomUUID().toString().substring(0, 6));
        String email = customer.getString("email").toUpperCase(Locale.ROOT);

        JsonNode answer = privacy.ask("ERASURE", subject(null, email));

        assertThat(answer.path("actions").get(0).path("outcome").asText()).isEqualTo("ERASED");
        as("sales")
                .get("/customers/" + customer.getString("id"))
                .then()
                .statusCode(200)
                .body("name", org.hamcrest.Matchers.equalTo(CustomerPersonalData.ERASED_NAME))
                .body("vatId", org.hamcrest.Matchers.nullValue());
        // Art. 19 GDPR: the replicas (accounting, project office) and the compacted topic get the anonymised state.
        var updated = awaitEvent(CustomerUpdated.TOPIC, customer.getString("id"), CustomerUpdated.TYPE);
        assertThat(updated.value())
                .contains(CustomerPersonalData.ERASED_NAME)
                .doesNotContain(customer.getString("name"));
    }

    @Test
    void a_person_sales_does_not_know_is_answered_with_nothing_found() {
        JsonNode answer = privacy.ask("ACCESS", subject(null, "niemand-" + UUID.randomUUID() + "@example.org"));

        assertThat(answer.path("found").asBoolean()).isFalse();
        assertThat(answer.path("records")).isEmpty();
    }

    private static DataSubject subject(String customerNumber, String email) {
        return new DataSubject("Erika Muster", email, customerNumber, null, null);
    }

    private static JsonNode category(JsonNode answer, String name) {
        for (JsonNode category : answer.path("records")) {
            if (category.path("category").asText().equals(name)) {
                return category;
            }
        }
        throw new AssertionError("no category " + name + " in " + answer);
    }
}
