package io.kontor.hr.personnel;

import static io.kontor.hr.HrApi.ADDRESS;
import static io.kontor.hr.HrApi.applicationAt;
import static io.kontor.hr.HrApi.as;
import static io.kontor.hr.HrApi.awaitEvents;
import static io.kontor.hr.HrApi.json;
import static io.kontor.hr.HrApi.openPosition;
import static io.kontor.hr.HrApi.uniqueEmail;
import static io.kontor.hr.HrApi.uniqueTaxId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.agroal.api.AgroalDataSource;
import io.kontor.platform.events.hr.EmployeeLeft;
import io.kontor.platform.events.hr.EmployeeOnboarded;
import io.kontor.testing.MutableClock;
import io.kontor.testing.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The personnel file: import of existing staff, encrypted sensitive fields, and leaving. */
@QuarkusTest
class PersonnelFileTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MutableClock clock;

    @AfterEach
    void followTheSystemClockAgain() {
        clock.reset();
    }

    @Test
    void an_imported_employees_sensitive_fields_are_encrypted_at_rest_and_shown_to_hr() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String taxId = uniqueTaxId();
        String street = "Geheimweg " + tag;
        String employee = importEmployee("Ilse", "Import" + tag, "2019-04-01", """
                "birthDate": "1971-08-23", "taxId": "%s", "socialSecurityNumber": "65 230871 I 004",
                "iban": "DE89 3704 0044 0532 0130 00",
                "address": {"street": "%s", "postalCode": "22767", "city": "Hamburg", "country": "DE"}
                """.formatted(taxId, street));

        as("hr").get("/employees/" + employee + "/personnel-file")
                .then()
                .statusCode(200)
                .body("birthDate", equalTo("1971-08-23"))
                .body("taxId", equalTo(taxId))
                .body("socialSecurityNumber", equalTo("65230871I004"))
                .body("iban", equalTo("DE89370400440532013000"))
                .body("address.street", equalTo(street));
        assertThat(tablesMentioning(taxId)).isEmpty();
        assertThat(tablesMentioning("DE89370400440532013000")).isEmpty();
        assertThat(tablesMentioning("65230871I004")).isEmpty();
        assertThat(tablesMentioning(street)).isEmpty();
        assertThat(tablesMentioning("1971-08-23")).isEmpty();
        assertThat(tablesMentioning("Import" + tag)).as("the name is no secret").contains("employee");
        as("middle-office")
                .get("/employees/" + employee + "/personnel-file")
                .then()
                .statusCode(403);
        as("hr").get("/employees/" + employee).then().body("toString()", not(containsString(taxId)));
        assertThat(awaitEvents("hr.employees", employee, EmployeeOnboarded.TYPE))
                .hasSize(1);

        as("hr").body("""
                {"taxId": "%s", "iban": "GB82WEST12345698765432",
                 "address": {"street": "Neue Str. 1", "postalCode": "28195", "city": "Bremen", "country": "DE"}}
                """.formatted(taxId))
                .put("/employees/" + employee + "/personnel-file")
                .then()
                .statusCode(200)
                .body("iban", equalTo("GB82WEST12345698765432"))
                .body("birthDate", equalTo(null))
                .body("socialSecurityNumber", equalTo(null))
                .body("address.city", equalTo("Bremen"));
    }

    @Test
    void only_someone_already_employed_is_imported_and_bad_identifiers_are_400s() {
        clock.set(Instant.parse("2027-03-01T10:00:00Z"));
        long before = employeeCount();

        importRequest("Zora", "Zukunft", "2027-03-02", "\"taxId\": \"" + uniqueTaxId() + "\"")
                .then()
                .statusCode(400)
                .body("violations.field", equalTo(List.of("startDate")));
        importRequest("Zora", "Zukunft", "2020-03-02", "\"taxId\": \"" + uniqueTaxId() + "\", \"iban\": \"DE00123\"")
                .then()
                .statusCode(400)
                .body("violations.field", equalTo(List.of("iban")));
        importRequest("Zora", "Zukunft", "2020-03-02", "\"socialSecurityNumber\": \"123\"")
                .then()
                .statusCode(400)
                .body("violations.field", equalTo(List.of("birthDate", "socialSecurityNumber")));

        assertThat(employeeCount()).isEqualTo(before);
    }

    /** §14(2) sentence 2 TzBfG: an imported former employee is an earlier employment like any other. */
    @Test
    void an_imported_former_employee_gets_no_fixed_term_without_reason() {
        String taxId = uniqueTaxId();
        importEmployee("Erwin", "Ehemalig", "2015-01-01", """
                "taxId": "%s", "leavingDate": "2018-06-30", "leavingReason": "RESIGNATION"
                """.formatted(taxId));
        String application = applicationAt(openPosition("Lagerist"), "Erwin", "Ehemalig", "OFFER");

        as("hr").body("""
                {"startDate": "2027-04-01", "contractType": "FIXED_TERM", "endDate": "2027-12-31", "annualSalary": 40000,
                 "weeklyHours": 40, "probationMonths": 0, "taxId": "%s", %s}
                """.formatted(taxId, ADDRESS))
                .post("/applications/" + application + "/hire")
                .then()
                .statusCode(409)
                .body("detail", containsString("§14(2) sentence 2 TzBfG"));
    }

    @Test
    void leaving_is_recorded_once_announced_and_ends_the_directory_entry_after_the_last_day() {
        clock.set(Instant.parse("2027-03-01T10:00:00Z"));
        String employee = importEmployee("Lotte", "Letzter", "2020-01-01", "\"birthDate\": \"1985-01-01\"");

        as("hr").body("""
                {"leavingDate": "2027-03-31", "reason": "RESIGNATION",
                 "signedBy": {"name": "Hanna Haller", "position": "Leiterin Personal"}}
                """)
                .post("/employees/" + employee + "/leaving")
                .then()
                .statusCode(200)
                .body("leavingDate", equalTo("2027-03-31"));
        as("hr").body("""
                {"leavingDate": "2027-04-30", "reason": "DISMISSAL",
                 "signedBy": {"name": "Hanna Haller", "position": "Leiterin Personal"}}
                """).post("/employees/" + employee + "/leaving").then().statusCode(409);
        as("hr").body("{\"leavingDate\": \"2027-03-31\", \"reason\": \"RESIGNATION\"}")
                .post("/employees/" + UUID.randomUUID() + "/leaving")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("signedBy"));

        assertThat(json(awaitEvents("hr.employees", employee, EmployeeLeft.TYPE)
                                .get(0)
                                .value())
                        .getString("leavingDate"))
                .isEqualTo("2027-03-31");
        as("hr").get("/employees/" + employee + "/personnel-file")
                .then()
                .body("leavingReason", equalTo("RESIGNATION"))
                .body("leavingSignedBy.position", equalTo("Leiterin Personal"));
        clock.set(Instant.parse("2027-03-31T20:00:00Z"));
        assertThat(directoryIds()).contains(employee);
        clock.set(Instant.parse("2027-04-01T08:00:00Z"));
        assertThat(directoryIds()).doesNotContain(employee);
    }

    static String importEmployee(String firstName, String lastName, String startDate, String file) {
        return importRequest(firstName, lastName, startDate, file)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static io.restassured.response.Response importRequest(
            String firstName, String lastName, String startDate, String file) {
        return as("hr").body("""
                {"firstName": "%s", "lastName": "%s", "email": "%s", "jobTitle": "Sachbearbeiter",
                 "department": "Verwaltung", "startDate": "%s", %s}
                """.formatted(firstName, lastName, uniqueEmail(lastName), startDate, file))
                .post("/employees");
    }

    private static List<String> directoryIds() {
        return as("middle-office")
                .queryParam("size", 500)
                .get("/directory")
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
    }

    private static long employeeCount() {
        return ((Number) as("hr").get("/employees")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("total"))
                .longValue();
    }

    /** Tables with a row whose text contains {@code value} in any column, as PrivacyTest looks for personal data. */
    private List<String> tablesMentioning(String value) {
        return TestDatabase.tablesMentioning(dataSource, value);
    }
}
