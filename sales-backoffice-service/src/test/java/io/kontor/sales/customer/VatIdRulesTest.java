package io.kontor.sales.customer;

import static io.kontor.sales.SalesApi.as;
import static io.kontor.sales.SalesApi.rowCounts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A customer's VAT id through the API: check digit, country, and VIES's confirmation stored with the customer. */
@QuarkusTest
class VatIdRulesTest {

    @ParameterizedTest(name = "{0} with a billing address in {1} is refused, naming vatId, nothing stored")
    @CsvSource({
        // §27a UStG: the id is issued by the state the business is established in.
        "ATU13585627, DE",
        "DE811907980, AT",
        // Greece's prefix is EL; GR is no VAT id prefix at all.
        "GR094259216, GR",
        // The check digit of DE811907980 is 0 (ISO 7064 MOD 11,10).
        "DE811907981, DE",
    })
    void a_vat_id_of_another_country_or_with_a_wrong_check_digit_is_refused(String vatId, String country) {
        Map<String, Long> before = rowCounts();

        as("sales")
                .body(customer(vatId, country))
                .post("/customers")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("vatId"));

        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void a_greek_customer_has_an_EL_vat_id() {
        as("sales")
                .body(customer("EL094259216", "GR"))
                .post("/customers")
                .then()
                .statusCode(201)
                .body("vatId", equalTo("EL094259216"));
    }

    @Test
    void vies_confirmation_is_stored_with_the_customer_and_forgotten_when_the_vat_id_changes() throws Exception {
        try (FakeVies vies = new FakeVies().register("ATU13585627", "Wiener Werkstätten GmbH")) {
            QuarkusMock.installMockForType(
                    new ViesVatIdConfirmation(
                            vies.baseUrl(), Duration.ofSeconds(5), Optional.of("DE811907980"), new ObjectMapper()),
                    VatIdConfirmation.class);
            String id = as("sales")
                    .body(customer("ATU13585627", "AT"))
                    .post("/customers")
                    .then()
                    .statusCode(201)
                    .body("vatIdConfirmation", nullValue())
                    .extract()
                    .path("id");

            as("sales")
                    .post("/customers/" + id + "/vat-id-confirmation")
                    .then()
                    .statusCode(200)
                    .body("vatIdConfirmation.valid", equalTo(true))
                    .body("vatIdConfirmation.registeredName", equalTo("Wiener Werkstätten GmbH"))
                    .body("vatIdConfirmation.checkedOn", equalTo("2030-06-15"))
                    .body("vatIdConfirmation.requestIdentifier", equalTo("WAPIAAAAXYZ123"));
            as("sales").get("/customers/" + id).then().body("vatIdConfirmation.valid", equalTo(true));

            as("sales")
                    .body(customer("ATU10223006", "AT"))
                    .put("/customers/" + id)
                    .then()
                    .statusCode(200)
                    .body("vatIdConfirmation", nullValue());
            as("sales")
                    .post("/customers/" + id + "/vat-id-confirmation")
                    .then()
                    .statusCode(200)
                    .body("vatIdConfirmation.valid", equalTo(false));
        }
    }

    @Test
    void a_customer_without_vat_id_has_nothing_to_confirm() {
        String id = as("sales")
                .body(customer(null, "DE"))
                .post("/customers")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        as("sales")
                .post("/customers/" + id + "/vat-id-confirmation")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
    }

    private static String customer(String vatId, String country) {
        return """
                {"name": "Kunde %s", "type": "BUSINESS", "email": "einkauf@%s.example", "vatId": %s,
                 "billingAddress": {"street": "Ring 1", "postalCode": "1010", "city": "Stadt", "country": "%s"}}
                """.formatted(
                        country,
                        UUID.randomUUID().toString().substring(0, 8),
                        vatId == null ? "null" : "\"" + vatId + "\"",
                        country);
    }
}
