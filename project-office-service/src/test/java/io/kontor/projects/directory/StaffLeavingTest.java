package io.kontor.projects.directory;

import static io.kontor.projects.ProjectsApi.PROJECTS;
import static io.kontor.projects.ProjectsApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kontor.platform.events.hr.EmployeeLeft;
import io.kontor.platform.events.hr.EmployeeOnboarded;
import io.kontor.testing.MutableClock;
import io.kontor.testing.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** hr's kontor.hr.employee-left.v1: whoever leaves is offered for staffing up to the last day, not after it. */
@QuarkusTest
class StaffLeavingTest {

    @Inject
    TestEvents events;

    @Inject
    MutableClock clock;

    @AfterEach
    void followTheSystemClockAgain() {
        clock.reset();
    }

    @Test
    void an_employee_who_left_is_no_longer_in_the_staff_directory() {
        clock.set(Instant.parse("2027-06-30T10:00:00Z"));
        UUID leaving = UUID.randomUUID();
        UUID staying = UUID.randomUUID();
        events.send("hr-service", onboarded(leaving, "Lena"));
        events.send("hr-service", onboarded(staying, "Sven"));
        events.send("hr-service", new EmployeeLeft(leaving, LocalDate.of(2027, 6, 30)));
        await().atMost(Duration.ofSeconds(30)).until(() -> StaffLeavingTest.leavingDateOf(leaving) != null);

        assertThat(staff()).contains(leaving.toString(), staying.toString());
        clock.set(Instant.parse("2027-07-01T08:00:00Z"));
        assertThat(staff()).contains(staying.toString()).doesNotContain(leaving.toString());
    }

    @Test
    void a_leaving_announced_before_the_onboarding_is_kept() {
        UUID employee = UUID.randomUUID();
        events.send("hr-service", new EmployeeLeft(employee, LocalDate.of(2020, 1, 31)));
        events.send("hr-service", onboarded(employee, "Frühe"));

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            StaffMember member = findMember(employee);
            return member != null && member.firstName != null;
        });
        assertThat(leavingDateOf(employee)).isEqualTo(LocalDate.of(2020, 1, 31));
        assertThat(staff()).doesNotContain(employee.toString());
    }

    private static EmployeeOnboarded onboarded(UUID id, String firstName) {
        return new EmployeeOnboarded(
                id,
                firstName,
                "Weggang",
                firstName.toLowerCase() + "@kontor.example",
                "Consultant",
                "Projects",
                LocalDate.of(2025, 1, 1));
    }

    private static List<String> staff() {
        return as("project-office")
                .queryParam("size", 500)
                .get(PROJECTS + "/staff")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.employeeId");
    }

    static StaffMember findMember(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> StaffMember.<StaffMember>findById(id));
    }

    static LocalDate leavingDateOf(UUID id) {
        StaffMember member = findMember(id);
        return member == null ? null : member.leavingDate;
    }
}
