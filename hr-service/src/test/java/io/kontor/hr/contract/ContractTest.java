package io.kontor.hr.contract;

import static io.kontor.hr.HrApi.ADDRESS;
import static io.kontor.hr.HrApi.applicationAt;
import static io.kontor.hr.HrApi.as;
import static io.kontor.hr.HrApi.awaitEvents;
import static io.kontor.hr.HrApi.hireSomeone;
import static io.kontor.hr.HrApi.openPosition;
import static io.kontor.hr.HrApi.pdfText;
import static io.kontor.hr.HrApi.uniqueTaxId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.kontor.platform.events.hr.ContractSigned;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ContractTest {

    @Test
    void the_contract_document_is_a_pdf_naming_both_parties_and_the_terms() {
        JsonPath hired = hireSomeone("Greta", "Grünewald");
        String contract = hired.getString("contract.id");

        byte[] pdf = as("hr").get("/contracts/" + contract + "/document")
                .then()
                .statusCode(200)
                .contentType("application/pdf")
                .extract()
                .asByteArray();

        assertThat(pdfText(pdf))
                .contains(
                        "Arbeitsvertrag",
                        "Greta Grünewald",
                        "Kontor GmbH",
                        "Softwareentwickler",
                        "01.04.2027",
                        "58.000,00 EUR",
                        "40 Stunden",
                        "unbestimmte Zeit",
                        "§ 622 Abs. 3 BGB",
                        "Entwurf");
    }

    @Test
    void a_signed_contract_cannot_be_signed_again_and_is_announced() {
        JsonPath hired = hireSomeone("Heinz", "Hartmann");
        String contract = hired.getString("contract.id");

        as("hr").post("/contracts/" + contract + "/sign")
                .then()
                .statusCode(200)
                .body("status", equalTo("SIGNED"))
                .body("signedAt", notNullValue());
        as("hr").post("/contracts/" + contract + "/sign")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");

        as("hr").get("/contracts/" + contract).then().statusCode(200).body("status", equalTo("SIGNED"));
        assertThat(awaitEvents("hr.employees", hired.getString("employee.id"), ContractSigned.TYPE))
                .singleElement()
                .satisfies(event -> assertThat(event.value()).contains(contract, "PERMANENT"));
        assertThat(pdfText(as("hr").get("/contracts/" + contract + "/document")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray()))
                .contains("Unterzeichnet am")
                .doesNotContain("Entwurf");
    }

    @Test
    void a_fixed_term_contract_states_its_end_and_the_law_it_rests_on() {
        String application = applicationAt(openPosition("Elternzeitvertretung"), "Ines", "Iversen", "OFFER");
        String contract = as("hr").body("""
                {"startDate": "2027-01-01", "contractType": "FIXED_TERM", "endDate": "2029-12-31",
                 "fixedTermReason": "Vertretung während der Elternzeit", "annualSalary": 51000.5, "weeklyHours": 38.5,
                 "probationMonths": 3, "taxId": "%s", %s}
                """.formatted(uniqueTaxId(), ADDRESS))
                .post("/applications/" + application + "/hire")
                .then()
                .statusCode(201)
                .extract()
                .path("contract.id");

        assertThat(pdfText(as("hr").get("/contracts/" + contract + "/document")
                        .then()
                        .extract()
                        .asByteArray()))
                .contains(
                        "befristet bis zum 31.12.2029",
                        "Vertretung während der Elternzeit",
                        "51.000,50 EUR",
                        "38,5 Stunden",
                        "ersten 3 Monate");
    }

    @Test
    void an_unknown_contract_is_a_404_problem_and_the_careers_site_sees_none() {
        as("hr").get("/contracts/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        as("hr").get("/contracts/" + UUID.randomUUID() + "/document")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        as("front-office").get("/contracts/" + UUID.randomUUID()).then().statusCode(403);
        as("middle-office")
                .post("/contracts/" + UUID.randomUUID() + "/sign")
                .then()
                .statusCode(403);
    }

    /** §22(1) sentence 2 no. 2 MiLoG: a three-month orientation internship may pay less than the minimum wage. */
    @Test
    void an_orientation_internship_of_three_months_is_hired_below_the_minimum_wage_and_a_longer_one_is_refused() {
        String opening = openPosition("Praktikant/in Softwareentwicklung");
        String internship = """
                {"startDate": "2027-03-01", "contractType": "FIXED_TERM", "endDate": "%s", "annualSalary": 6000.00,
                 "weeklyHours": 40, "probationMonths": 0, "taxId": "%s", %s,
                 "minimumWageExemption": "ORIENTATION_INTERNSHIP",
                 "minimumWageExemptionEvidence": "Orientierung für die Wahl eines Informatikstudiums"}
                """;

        as("hr").body(internship.formatted("2027-06-01", uniqueTaxId(), ADDRESS))
                .post("/applications/" + applicationAt(opening, "Ole", "Orientierung", "OFFER") + "/hire")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("annualSalary"));
        as("hr").body(internship.formatted("2027-05-31", uniqueTaxId(), ADDRESS))
                .post("/applications/" + applicationAt(opening, "Pia", "Praktikum", "OFFER") + "/hire")
                .then()
                .statusCode(201)
                .body("contract.minimumWageExemption", equalTo("ORIENTATION_INTERNSHIP"));
    }
}
