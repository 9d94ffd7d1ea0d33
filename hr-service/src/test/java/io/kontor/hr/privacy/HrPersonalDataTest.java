package io.kontor.hr.privacy;

import static io.kontor.hr.HrApi.applicationAt;
import static io.kontor.hr.HrApi.as;
import static io.kontor.hr.HrApi.awaitEvents;
import static io.kontor.hr.HrApi.eventsOf;
import static io.kontor.hr.HrApi.hireSomeone;
import static io.kontor.hr.HrApi.openPosition;
import static io.kontor.hr.HrApi.uniqueTaxId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kontor.platform.events.hr.EmployeeErased;
import io.kontor.platform.events.privacy.DataSubject;
import io.kontor.testing.MutableClock;
import io.kontor.testing.TestPrivacy;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Plays legal: hr answers data-subject requests of employees and candidates (GDPR Art. 15, 17) with its
 * {@link HrPersonalData}, erasing through its own {@link EmployeeErasure} and {@link Erasure}.
 */
@QuarkusTest
class HrPersonalDataTest {

    @Inject
    MutableClock clock;

    @Inject
    TestPrivacy privacy;

    @AfterEach
    void followTheSystemClockAgain() {
        clock.reset();
    }

    @Test
    void an_access_request_exports_the_personnel_file_with_tax_id_and_iban_only_by_their_last_digits() {
        clock.set(Instant.parse("2027-01-10T10:00:00Z"));
        JsonPath hired = hireSomeone("Anna", "Auskunft");
        String id = hired.getString("employee.id");
        String taxId = uniqueTaxId();
        as("hr").body("""
                {"taxId": "%s", "iban": "DE89 3704 0044 0532 0130 00",
                 "address": {"street": "Hafenstraße 7", "postalCode": "20459", "city": "Hamburg", "country": "DE"}}
                """.formatted(taxId))
                .put("/employees/" + id + "/personnel-file")
                .then()
                .statusCode(200);

        JsonNode answer = privacy.ask("ACCESS", new DataSubject("Anna Auskunft", null, null, id, null));

        JsonNode employee = category(answer, "employee").path("records").get(0);
        assertThat(employee.path("lastName").asText()).isEqualTo("Auskunft");
        assertThat(employee.path("address").asText()).isEqualTo("Hafenstraße 7, 20459 Hamburg");
        assertThat(employee.path("taxId").asText()).isEqualTo("****" + taxId.substring(taxId.length() - 4));
        assertThat(employee.path("iban").asText()).isEqualTo("****3000");
        assertThat(answer.toString()).doesNotContain(taxId).doesNotContain("DE89370400440532013000");
    }

    @Test
    void an_erasure_keeps_the_file_of_someone_still_employed_art_6_1_b_gdpr_par_26_bdsg() {
        clock.set(Instant.parse("2027-01-10T10:00:00Z"));
        String id = hireSomeone("Stefan", "Steht").getString("employee.id");

        JsonNode answer = privacy.ask("ERASURE", new DataSubject(null, null, null, id, null));

        JsonNode action = answer.path("actions").get(0);
        assertThat(action.path("outcome").asText()).isEqualTo("KEPT");
        assertThat(action.path("reason").asText()).contains("§26 (1) BDSG");
        assertThat(eventsOf("hr.employees", id, EmployeeErased.TYPE)).isEmpty();
        as("hr").get("/employees/" + id + "/personnel-file").then().statusCode(200);
    }

    @Test
    void an_erasure_of_a_former_employee_erases_what_no_law_keeps_and_restricts_the_lohnkonto() {
        // §41 (1) EStG, §147 AO: the Lohnkonto stays, restricted, until six years after the year of leaving.
        clock.set(Instant.parse("2027-01-10T10:00:00Z"));
        String id = hireSomeone("Rosa", "Recht").getString("employee.id");
        as("hr").body("""
                {"leavingDate": "2027-12-31", "reason": "RESIGNATION",
                 "signedBy": {"name": "Hanna Haller", "position": "Leiterin Personal"}}
                """).post("/employees/" + id + "/leaving").then().statusCode(200);
        clock.set(Instant.parse("2028-01-05T10:00:00Z"));

        JsonNode answer = privacy.ask("ERASURE", new DataSubject(null, null, null, id, null));

        assertThat(answer.path("actions").findValuesAsText("outcome")).contains("ERASED", "RESTRICTED");
        JsonNode restricted = answer.path("actions").findParents("outcome").stream()
                .filter(a -> a.path("outcome").asText().equals("RESTRICTED"))
                .findFirst()
                .orElseThrow();
        assertThat(restricted.path("keptUntil").asText()).isEqualTo("2033-12-31");
        assertThat(restricted.path("reason").asText()).contains("§41(1) EStG");
        assertThat(awaitEvents("hr.employees", id, EmployeeErased.TYPE)).hasSize(1);
        as("hr").get("/employees/" + id + "/personnel-file").then().statusCode(409);
    }

    @Test
    void an_erasure_of_a_candidate_by_application_id_erases_the_application() {
        String application = applicationAt(openPosition("Buchhalter"), "Carla", "Kandidat", "SCREENING");

        JsonNode answer = privacy.ask("ERASURE", new DataSubject(null, null, null, null, UUID.fromString(application)));

        JsonNode action = answer.path("actions").get(0);
        assertThat(action.path("category").asText()).isEqualTo("applications");
        assertThat(action.path("outcome").asText()).isEqualTo("ERASED");
        as("hr").get("/applications/" + application)
                .then()
                .statusCode(200)
                .body("candidate", org.hamcrest.Matchers.nullValue());
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
