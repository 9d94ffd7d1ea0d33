package io.kontor.hr.offboarding;

import static io.kontor.hr.HrApi.as;
import static io.kontor.hr.HrApi.hireSomeone;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.kontor.testing.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The offboarding checklist through the API: written with the leaving, ticked off, overdue when late. */
@QuarkusTest
class OffboardingTest {

    @Inject
    MutableClock clock;

    @AfterEach
    void followTheSystemClockAgain() {
        clock.reset();
    }

    @Test
    void recording_the_leaving_opens_a_checklist_with_due_dates_from_the_last_day() {
        clock.set(Instant.parse("2027-05-15T10:00:00Z"));
        String employee = hireSomeone("Olaf", "Offboard").getString("employee.id");
        String checklist = "/employees/" + employee + "/offboarding";
        as("hr").get(checklist).then().statusCode(200).body("$", hasSize(0));

        leave(employee, "2027-06-30");

        as("hr").get(checklist)
                .then()
                .statusCode(200)
                .body(
                        "step",
                        contains(
                                "JOB_SEEKER_NOTICE",
                                "REMAINING_LEAVE",
                                "RETURN_OF_EQUIPMENT",
                                "FINAL_REFERENCE",
                                "LEAVE_CERTIFICATE",
                                "EMPLOYMENT_AGENCY_CERTIFICATE",
                                "FINAL_PAY",
                                "REVOKE_ACCESS",
                                "SOCIAL_INSURANCE_DEREGISTRATION",
                                "WAGE_TAX_CERTIFICATE"))
                .body(
                        "dueBy",
                        contains(
                                "2027-05-15",
                                "2027-06-30",
                                "2027-06-30",
                                "2027-06-30",
                                "2027-06-30",
                                "2027-06-30",
                                "2027-06-30",
                                "2027-07-01",
                                "2027-08-11",
                                "2028-02-29"))
                .body("status.unique()", contains("OPEN"))
                .body(
                        "find { it.step == 'SOCIAL_INSURANCE_DEREGISTRATION' }.title",
                        equalTo("Abmeldung bei der Krankenkasse (§ 28a SGB IV, § 8 Abs. 1 DEÜV)"));
        as("middle-office").get(checklist).then().statusCode(403);
    }

    @Test
    void a_step_is_ticked_off_once_a_final_reference_ticks_its_own_and_an_undone_step_becomes_overdue() {
        clock.set(Instant.parse("2027-05-15T10:00:00Z"));
        String employee = hireSomeone("Paula", "Pflicht").getString("employee.id");
        String checklist = "/employees/" + employee + "/offboarding";
        leave(employee, "2027-06-30");

        clock.set(Instant.parse("2027-06-30T10:00:00Z"));
        as("hr").post(checklist + "/RETURN_OF_EQUIPMENT/done")
                .then()
                .statusCode(200)
                .body("status", equalTo("DONE"))
                .body("doneOn", equalTo("2027-06-30"));
        as("hr").post(checklist + "/RETURN_OF_EQUIPMENT/done")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        as("hr").post(checklist + "/NO_SUCH_STEP/done").then().statusCode(404);
        as("hr").body("""
                {"kind": "FINAL", "ratings": {"performance": 2, "expertise": 2, "reliability": 2, "conduct": 2}}
                """).post("/employees/" + employee + "/references").then().statusCode(201);

        clock.set(Instant.parse("2027-07-02T10:00:00Z"));
        as("hr").get(checklist)
                .then()
                .body("find { it.step == 'RETURN_OF_EQUIPMENT' }.status", equalTo("DONE"))
                .body("find { it.step == 'FINAL_REFERENCE' }.status", equalTo("DONE"))
                .body("find { it.step == 'REVOKE_ACCESS' }.status", equalTo("OVERDUE"))
                .body("find { it.step == 'SOCIAL_INSURANCE_DEREGISTRATION' }.status", equalTo("OPEN"));
    }

    private static void leave(String employee, String lastDay) {
        as("hr").body("""
                {"leavingDate": "%s", "reason": "RESIGNATION",
                 "signedBy": {"name": "Hanna Haller", "position": "Leiterin Personal"}}
                """.formatted(lastDay))
                .post("/employees/" + employee + "/leaving")
                .then()
                .statusCode(200);
    }
}
