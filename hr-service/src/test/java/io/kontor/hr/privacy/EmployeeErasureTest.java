package io.kontor.hr.privacy;

import static io.kontor.hr.HrApi.as;
import static io.kontor.hr.HrApi.awaitEvents;
import static io.kontor.hr.HrApi.hireSomeone;
import static io.kontor.hr.HrApi.uniqueTaxId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.agroal.api.AgroalDataSource;
import io.kontor.platform.events.hr.EmployeeErased;
import io.kontor.testing.MutableClock;
import io.kontor.testing.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Erasure of employees (Art. 17 GDPR) within the retention duties (Art. 17(3)(b) GDPR, §35(3) BDSG): kept whole while
 * claims can be raised (§§195, 199 BGB), then restricted to the Lohnkonto (§41(1) EStG) and the contracts (§147 AO,
 * §257 HGB), then erased; on request earlier, but never while employed (Art. 6(1)(b) GDPR, §26 BDSG).
 */
@QuarkusTest
class EmployeeErasureTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MutableClock clock;

    @Inject
    EmployeeErasure erasure;

    @AfterEach
    void followTheSystemClockAgain() {
        clock.reset();
    }

    @Test
    void a_former_employee_is_restricted_after_the_claims_period_and_erased_after_the_statutory_retention() {
        clock.set(Instant.parse("2027-01-10T10:00:00Z"));
        Person person = formerEmployee("Egon", "Entfernt");

        clock.set(Instant.parse("2030-12-31T12:00:00Z")); // claims from 2027 are time-barred at the end of 2030
        erasure.applyRetention();
        as("hr").get("/employees/" + person.id + "/personnel-file").then().statusCode(200);
        assertThat(tablesMentioning(person.email)).contains("employee");

        clock.set(Instant.parse("2031-01-01T12:00:00Z"));
        erasure.applyRetention();
        assertRestricted(person);

        clock.set(Instant.parse("2033-12-31T12:00:00Z")); // the sixth year after 2027 (§41(1) sentence 9 EStG)
        erasure.applyRetention();
        as("admin").get("/employees/" + person.id + "/personnel-file").then().statusCode(200);

        clock.set(Instant.parse("2034-01-01T12:00:00Z"));
        erasure.applyRetention();
        as("hr").get("/employees/" + person.id + "/erasure")
                .then()
                .statusCode(200)
                .body("erasedAt", notNullValue())
                .body("kept", equalTo(List.of()));
        assertThat(tablesMentioning(person.lastName)).isEmpty();
        assertThat(tablesMentioning(person.taxId)).isEmpty();
        assertThat(TestDatabase.tablesMentioning(dataSource, person.contractId)).isEmpty();
        assertThat(awaitEvents("hr.employees", person.id, EmployeeErased.TYPE))
                .as("announced once, at the restriction")
                .hasSize(1);
    }

    @Test
    void a_former_employee_who_asks_is_restricted_at_once_and_asking_again_changes_nothing() {
        clock.set(Instant.parse("2027-01-10T10:00:00Z"));
        Person person = formerEmployee("Rosa", "Recht");
        clock.set(Instant.parse("2028-01-05T10:00:00Z"));

        JsonPath status = JsonPath.from(as("hr").post("/employees/" + person.id + "/erasure")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(status.getString("restrictedAt")).isNotNull();
        assertThat(status.getString("erasedAt")).isNull();
        assertThat(status.getString("keptUntil")).isEqualTo("2033-12-31");
        assertThat(status.getList("kept", String.class)).anyMatch(k -> k.contains("§41(1) EStG"));
        assertThat(status.getList("erased", String.class)).contains("bank account (IBAN)");
        assertRestricted(person);

        as("hr").post("/employees/" + person.id + "/erasure")
                .then()
                .statusCode(200)
                .body("restrictedAt", equalTo(status.getString("restrictedAt")));
        assertThat(awaitEvents("hr.employees", person.id, EmployeeErased.TYPE)).hasSize(1);
        as("hr").body("{\"taxId\": \"%s\"}".formatted(uniqueTaxId()))
                .put("/employees/" + person.id + "/personnel-file")
                .then()
                .statusCode(409);
    }

    @Test
    void an_employee_still_employed_is_not_erased_on_request() {
        clock.set(Instant.parse("2027-01-10T10:00:00Z"));
        String employee = hireSomeone("Stefan", "Steht").getString("employee.id");

        as("hr").post("/employees/" + employee + "/erasure")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("Art. 6(1)(b) GDPR"));
        leave(employee, "2027-12-31");
        clock.set(Instant.parse("2027-12-31T12:00:00Z")); // the last day is still employment
        as("hr").post("/employees/" + employee + "/erasure").then().statusCode(409);
        as("hr").get("/employees/" + employee + "/personnel-file").then().statusCode(200);
    }

    private void assertRestricted(Person person) {
        as("hr").get("/employees/" + person.id + "/personnel-file")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        as("admin")
                .get("/employees/" + person.id + "/personnel-file")
                .then()
                .statusCode(200)
                .body("taxId", equalTo(person.taxId))
                .body("address.street", equalTo("Hafenstraße 7"))
                .body("iban", nullValue())
                .body("leavingReason", nullValue())
                .body("leavingDate", equalTo("2027-12-31"));
        as("hr").get("/employees/" + person.id)
                .then()
                .statusCode(200)
                .body("lastName", equalTo(person.lastName))
                .body("contracts.id", hasItem(person.contractId));
        as("hr").get("/employees/" + person.id + "/references").then().body("size()", equalTo(0));
        assertThat(tablesMentioning(person.email))
                .as("the e-mail is kept by no law")
                .isEmpty();
        assertThat(tablesMentioning(signer(person.lastName)))
                .as("nor the signer of the leaving")
                .isEmpty();
        assertThat(tablesMentioning(person.lastName))
                .as("name kept for the Lohnkonto")
                .contains("employee");
        assertThat(awaitEvents("hr.employees", person.id, EmployeeErased.TYPE)).hasSize(1);
    }

    private record Person(String id, String lastName, String email, String taxId, String contractId) {}

    /** Hired, with an IBAN and a final reference, left on 31 December 2027. */
    private static Person formerEmployee(String firstName, String lastName) {
        JsonPath hired = hireSomeone(firstName, lastName);
        String id = hired.getString("employee.id");
        String taxId = uniqueTaxId();
        as("hr").body("""
                {"taxId": "%s", "iban": "DE89 3704 0044 0532 0130 00",
                 "address": {"street": "Hafenstraße 7", "postalCode": "20459", "city": "Hamburg", "country": "DE"}}
                """.formatted(taxId))
                .put("/employees/" + id + "/personnel-file")
                .then()
                .statusCode(200);
        leave(id, "2027-12-31", signer(lastName));
        as("hr").body("""
                {"kind": "FINAL", "ratings": {"performance": 2, "expertise": 2, "reliability": 2, "conduct": 2}}
                """).post("/employees/" + id + "/references").then().statusCode(201);
        return new Person(id, lastName, hired.getString("employee.email"), taxId, hired.getString("contract.id"));
    }

    /** Who signed this employee's leaving: a name found nowhere else. */
    private static String signer(String lastName) {
        return "Hanna Haller-" + lastName;
    }

    private static void leave(String employee, String lastDay) {
        leave(employee, lastDay, "Hanna Haller");
    }

    private static void leave(String employee, String lastDay, String signer) {
        as("hr").body("""
                {"leavingDate": "%s", "reason": "RESIGNATION",
                 "signedBy": {"name": "%s", "position": "Leiterin Personal"}}
                """.formatted(lastDay, signer))
                .post("/employees/" + employee + "/leaving")
                .then()
                .statusCode(200);
    }

    private List<String> tablesMentioning(String value) {
        return TestDatabase.tablesMentioning(dataSource, value);
    }
}
