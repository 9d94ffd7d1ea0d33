package io.kontor.hr.offboarding;

import static io.kontor.hr.HrApi.as;
import static io.kontor.hr.HrApi.awaitEvents;
import static io.kontor.hr.HrApi.eventsOf;
import static io.kontor.hr.HrApi.hireSomeone;
import static io.kontor.hr.HrApi.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.kontor.platform.events.hr.EmployeeDismissed;
import io.kontor.platform.events.hr.EmployeeLeft;
import io.kontor.testing.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A dismissal by the employer tells legal the day the notice reached the employee: from it run the three weeks in which
 * the employee may bring an action (§4 KSchG). Other ways of leaving tell legal nothing.
 */
@QuarkusTest
class DismissalTest {

    @Inject
    MutableClock clock;

    @AfterEach
    void followTheSystemClockAgain() {
        clock.reset();
    }

    @Test
    void a_dismissal_publishes_the_day_the_notice_was_received_for_the_period_of_section_4_kschg() {
        clock.set(Instant.parse("2027-05-15T10:00:00Z"));
        String employee = hireSomeone("Kai", "Kündigung").getString("employee.id");

        leave(employee, "RESIGNATION", "2027-06-30", "\"2027-05-14\"")
                .statusCode(400)
                .body("violations[0].field", equalTo("noticeReceivedOn"));
        leave(employee, "DISMISSAL", "2027-06-30", "\"2027-05-16\"")
                .statusCode(400)
                .body("violations[0].field", equalTo("noticeReceivedOn"));
        assertThat(eventsOf("hr.employees", employee, EmployeeLeft.TYPE))
                .as("refused: nothing recorded")
                .isEmpty();

        leave(employee, "DISMISSAL", "2027-06-30", "\"2027-05-14\"").statusCode(200);

        JsonPath dismissed = json(awaitEvents("hr.employees", employee, EmployeeDismissed.TYPE)
                .get(0)
                .value());
        assertThat(dismissed.getString("noticeReceivedOn")).isEqualTo("2027-05-14");
        assertThat(dismissed.getString("leavingDate")).isEqualTo("2027-06-30");
        assertThat(dismissed.getString("lastName")).isEqualTo("Kündigung");
        assertThat(dismissed.getString("signedBy")).isEqualTo("Hanna Haller");
        assertThat(eventsOf("hr.employees", employee, EmployeeLeft.TYPE)).hasSize(1);
        as("hr").get("/employees/" + employee + "/personnel-file").then().statusCode(200);
    }

    @Test
    void
            a_dismissal_without_the_day_of_receipt_counts_from_the_day_it_is_recorded_and_a_resignation_tells_legal_nothing() {
        clock.set(Instant.parse("2027-05-15T10:00:00Z"));
        String dismissedEmployee = hireSomeone("Dora", "Direkt").getString("employee.id");
        String resigning = hireSomeone("Rita", "Rücktritt").getString("employee.id");

        leave(dismissedEmployee, "DISMISSAL", "2027-06-30", "null").statusCode(200);
        leave(resigning, "RESIGNATION", "2027-06-30", "null").statusCode(200);

        JsonPath dismissed = json(awaitEvents("hr.employees", dismissedEmployee, EmployeeDismissed.TYPE)
                .get(0)
                .value());
        assertThat(dismissed.getString("noticeReceivedOn")).isEqualTo("2027-05-15");
        awaitEvents("hr.employees", resigning, EmployeeLeft.TYPE);
        assertThat(eventsOf("hr.employees", resigning, EmployeeDismissed.TYPE)).isEmpty();
    }

    private static io.restassured.response.ValidatableResponse leave(
            String employee, String reason, String lastDay, String noticeReceivedOn) {
        return as("hr").body("""
                {"leavingDate": "%s", "reason": "%s", "noticeReceivedOn": %s,
                 "signedBy": {"name": "Hanna Haller", "position": "Leiterin Personal"}}
                """.formatted(lastDay, reason, noticeReceivedOn))
                .post("/employees/" + employee + "/leaving")
                .then();
    }
}
