package io.kontor.hr.contract;

import static io.kontor.hr.HrApi.ADDRESS;
import static io.kontor.hr.HrApi.applicationAt;
import static io.kontor.hr.HrApi.as;
import static io.kontor.hr.HrApi.eventsOf;
import static io.kontor.hr.HrApi.openPosition;
import static io.kontor.hr.HrApi.pdfText;
import static io.kontor.hr.HrApi.uniqueTaxId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.kontor.platform.events.hr.ContractExtended;
import io.kontor.testing.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The TzBfG through the API: written form before work begins, extensions, and the earlier-employment bar. */
@QuarkusTest
class FixedTermTest {

    @Inject
    MutableClock clock;

    @AfterEach
    void followTheSystemClockAgain() {
        clock.reset();
    }

    /** §14(4), §16 TzBfG: signed on the first day or later, the term would be void; the contract stays a draft. */
    @Test
    void a_fixed_term_signed_on_or_after_its_start_is_a_409_and_stays_a_draft() {
        clock.set(Instant.parse("2027-04-01T06:00:00Z")); // 08:00 in Hamburg on the first day
        String late = hireFixedTerm("2027-04-01", "2027-09-30", uniqueTaxId());
        String early = hireFixedTerm("2027-04-02", "2027-09-30", uniqueTaxId());

        as("hr").post("/contracts/" + late + "/sign")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("startDate")))
                .body("detail", containsString("§14(4) TzBfG"));
        as("hr").get("/contracts/" + late).then().body("status", equalTo("DRAFT"));
        as("hr").post("/contracts/" + early + "/sign").then().statusCode(200).body("status", equalTo("SIGNED"));
    }

    /** §14(2) sentence 1 TzBfG: three extensions within two years, each agreed while the term runs, and no more. */
    @Test
    void a_term_without_reason_is_extended_three_times_and_the_fourth_is_a_409() {
        clock.set(Instant.parse("2027-01-10T10:00:00Z"));
        String contract = hireFixedTerm("2027-02-01", "2027-07-31", uniqueTaxId());
        as("hr").post("/contracts/" + contract + "/sign").then().statusCode(200);

        clock.set(Instant.parse("2027-07-15T10:00:00Z"));
        extend(contract, "2027-12-31").then().statusCode(201).body("extensions.size()", equalTo(1));
        clock.set(Instant.parse("2027-12-31T10:00:00Z")); // the last day of the term is still in time
        extend(contract, "2028-06-30").then().statusCode(201);
        clock.set(Instant.parse("2028-06-01T10:00:00Z"));
        extend(contract, "2029-01-31") // two years from 2027-02-01: the last allowed day
                .then()
                .statusCode(201)
                .body("currentEndDate", equalTo("2029-01-31"))
                .body("endDate", equalTo("2027-07-31"))
                .body("extensions.number", equalTo(List.of(1, 2, 3)))
                .body("extensions.previousEndDate", equalTo(List.of("2027-07-31", "2027-12-31", "2028-06-30")))
                .body("annualSalary", equalTo(42000.0f));

        clock.set(Instant.parse("2028-12-01T10:00:00Z"));
        extend(contract, "2029-01-30").then().statusCode(400).body("violations.field", equalTo(List.of("endDate")));
        extend(contract, "2029-06-30") // a fourth
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("endDate")))
                .body("detail", containsString("at most 3 times (§14(2) sentence 1 TzBfG)"));

        as("hr").get("/contracts/" + contract)
                .then()
                .body("extensions.size()", equalTo(3))
                .body("currentEndDate", equalTo("2029-01-31"));
    }

    /**
     * §14(2) sentence 1 TzBfG: an extension is a written amendment agreed before the term ends; the contract's document
     * lists each one and the end they lead to, and each is announced with its number and dates.
     */
    @Test
    void each_extension_is_printed_in_the_contract_document_and_announced_as_an_event() {
        clock.set(Instant.parse("2027-01-10T10:00:00Z"));
        String contract = hireFixedTerm("2027-02-01", "2027-07-31", uniqueTaxId());
        as("hr").post("/contracts/" + contract + "/sign").then().statusCode(200);
        clock.set(Instant.parse("2027-07-15T10:00:00Z"));
        extend(contract, "2027-12-31").then().statusCode(201);
        clock.set(Instant.parse("2027-12-01T10:00:00Z"));
        extend(contract, "2028-06-30").then().statusCode(201);

        String text = pdfText(as("hr").get("/contracts/" + contract + "/document")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray());
        assertThat(text.replaceAll("\\s+", " "))
                .contains(
                        "befristet bis zum 31.07.2027",
                        "1. Verlängerung, schriftlich vereinbart am 15.07.2027: befristet bis zum 31.12.2027",
                        "2. Verlängerung, schriftlich vereinbart am 01.12.2027: befristet bis zum 30.06.2028",
                        "§ 14 Abs. 2 Satz 1 TzBfG",
                        "alle übrigen Vertragsbedingungen bleiben unverändert",
                        "endet damit mit Ablauf des 30.06.2028");
        String employee =
                as("hr").get("/contracts/" + contract).then().extract().path("employeeId");
        List<String> events = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> eventsOf("hr.employees", employee, ContractExtended.TYPE).stream()
                                .map(ConsumerRecord::value)
                                .toList(),
                        found -> found.size() == 2);
        assertThat(events.get(0))
                .contains(contract, "\"extensionNumber\":1", "\"previousEndDate\":\"2027-07-31\"")
                .contains("\"endDate\":\"2027-12-31\"", "\"agreedOn\":\"2027-07-15\"");
        assertThat(events.get(1)).contains("\"extensionNumber\":2", "\"endDate\":\"2028-06-30\"");
    }

    @Test
    void an_extension_after_the_term_ended_or_beyond_two_years_is_a_409_naming_the_rule() {
        clock.set(Instant.parse("2027-01-10T10:00:00Z"));
        String ended = hireFixedTerm("2027-02-01", "2027-07-31", uniqueTaxId());
        String running = hireFixedTerm("2027-02-01", "2027-07-31", uniqueTaxId());
        as("hr").post("/contracts/" + ended + "/sign").then().statusCode(200);
        as("hr").post("/contracts/" + running + "/sign").then().statusCode(200);

        clock.set(Instant.parse("2027-07-20T10:00:00Z"));
        extend(running, "2029-02-01")
                .then()
                .statusCode(409)
                .body("detail", containsString("at most two years in total"))
                .body("detail", containsString("2029-01-31"));
        clock.set(Instant.parse("2027-08-01T10:00:00Z")); // the term ended yesterday
        extend(ended, "2027-12-31")
                .then()
                .statusCode(409)
                .body("detail", containsString("ended on 2027-07-31"))
                .body("detail", containsString("§14(2)"));

        as("hr").get("/contracts/" + ended).then().body("extensions.size()", equalTo(0));
        as("hr").get("/contracts/" + running).then().body("extensions.size()", equalTo(0));
    }

    /** §14(2) sentence 2 TzBfG: whoever worked for us before gets a fixed term only with an objective reason. */
    @Test
    void someone_employed_before_gets_no_fixed_term_without_reason() {
        String taxId = uniqueTaxId();
        String lastName = "Wiederkehr" + UUID.randomUUID().toString().substring(0, 6);
        hireFixedTerm("2027-02-01", "2027-07-31", taxId);
        long employees = employeeCount();

        // Same tax id, written with blanks.
        String again = applicationAt(openPosition("Aushilfe"), "Rolf", "Rückkehr", "OFFER");
        hire(again, fixedTerm("2027-09-01", "2028-02-29", null, taxIdJson(taxId.replaceAll("(...)", "$1 "))))
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("fixedTermReason")))
                .body("detail", containsString("§14(2) sentence 2 TzBfG"));
        assertThat(employeeCount()).isEqualTo(employees);
        as("hr").get("/applications/" + again).then().body("stage", equalTo("OFFER"));
        // With an objective reason (§14(1) TzBfG) the earlier employment is no bar.
        hire(again, fixedTerm("2027-09-01", "2028-02-29", "Vertretung während der Elternzeit", taxIdJson(taxId)))
                .then()
                .statusCode(201);

        // Same name and birth date, without a tax id.
        String first = applicationAt(openPosition("Kassierer"), "Rita", lastName, "OFFER");
        hire(first, fixedTerm("2027-02-01", "2027-07-31", null, "\"birthDate\": \"1988-02-29\""))
                .then()
                .statusCode(201);
        String second = applicationAt(openPosition("Kassiererin"), "Rita", lastName, "OFFER");
        hire(second, fixedTerm("2028-02-01", "2028-07-31", null, "\"birthDate\": \"1988-02-29\""))
                .then()
                .statusCode(409);
        String namesake = applicationAt(openPosition("Kassiererin"), "Rita", lastName, "OFFER");
        hire(namesake, fixedTerm("2028-02-01", "2028-07-31", null, "\"birthDate\": \"1990-01-01\""))
                .then()
                .statusCode(201);
    }

    @Test
    void a_hire_without_birth_date_or_tax_id_is_a_400_naming_birthDate() {
        String application = applicationAt(openPosition("Pförtner"), "Nils", "Namenlos", "OFFER");

        hire(application, fixedTerm("2027-02-01", "2027-07-31", null, "\"taxId\": null"))
                .then()
                .statusCode(400)
                .body("violations.field", equalTo(List.of("birthDate")));
        hire(application, fixedTerm("2027-02-01", "2027-07-31", null, "\"taxId\": \"0123456789\""))
                .then()
                .statusCode(400)
                .body("violations.field", equalTo(List.of("taxId")));
        as("hr").get("/applications/" + application).then().body("stage", equalTo("OFFER"));
    }

    private static String hireFixedTerm(String start, String end, String taxId) {
        String application = applicationAt(openPosition("Projektassistenz"), "Frieda", "Frist", "OFFER");
        return hire(application, fixedTerm(start, end, null, taxIdJson(taxId)))
                .then()
                .statusCode(201)
                .extract()
                .path("contract.id");
    }

    private static String taxIdJson(String taxId) {
        return "\"taxId\": \"" + taxId + "\"";
    }

    private static String fixedTerm(String start, String end, String reason, String identity) {
        return """
                {"startDate": "%s", "contractType": "FIXED_TERM", "endDate": "%s", %s "annualSalary": 42000,
                 "weeklyHours": 40, "probationMonths": 0, %s, %s}
                """.formatted(
                start, end, reason == null ? "" : "\"fixedTermReason\": \"" + reason + "\",", identity, ADDRESS);
    }

    private static io.restassured.response.Response hire(String application, String body) {
        return as("hr").body(body).post("/applications/" + application + "/hire");
    }

    private static io.restassured.response.Response extend(String contract, String endDate) {
        return as("hr").body("{\"endDate\": \"" + endDate + "\"}").post("/contracts/" + contract + "/extensions");
    }

    private static long employeeCount() {
        return ((Number) as("hr").get("/employees")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("total"))
                .longValue();
    }
}
