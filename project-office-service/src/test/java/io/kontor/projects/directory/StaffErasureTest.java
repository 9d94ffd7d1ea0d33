package io.kontor.projects.directory;

import static io.kontor.projects.ProjectsApi.PROJECTS;
import static io.kontor.projects.ProjectsApi.as;
import static io.kontor.projects.ProjectsApi.newProject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;

import io.agroal.api.AgroalDataSource;
import io.kontor.platform.events.hr.EmployeeErased;
import io.kontor.platform.events.hr.EmployeeOnboarded;
import io.kontor.projects.kickoff.Kickoff;
import io.kontor.testing.TestDatabase;
import io.kontor.testing.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * hr's kontor.hr.employee-erased.v1 over the real (secured) Kafka: the erasure of a former employee (Art. 17 GDPR)
 * reaches the project office's copies (Art. 19 GDPR) - staff directory, minutes, action items, kickoff participants.
 */
@QuarkusTest
class StaffErasureTest {

    private static final String FORMER = StaffMember.FORMER_EMPLOYEE;

    @Inject
    TestEvents events;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void an_erased_employee_is_forgotten_in_directory_minutes_and_kickoffs_and_the_event_twice_changes_nothing() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String lastName = "Löschung" + tag;
        String email = "lena." + tag + "@kontor.example";
        UUID lena = UUID.randomUUID();
        events.send(
                "hr-service",
                new EmployeeOnboarded(
                        lena, "Lena", lastName, email, "Consultant", "Projects", LocalDate.of(2025, 1, 1)));
        await().atMost(Duration.ofSeconds(30)).until(() -> member(lena) != null);
        String project = newProject("Erasure " + tag);
        String base = PROJECTS + "/" + project;
        as("project-office")
                .body("""
                        {"meetingDate":"2027-03-01","attendees":["Lena %1$s","Sven"],
                         "decisions":["Lena %1$s übernimmt das Backend"],
                         "actionItems":[{"description":"Zugang für %2$s einrichten","owner":"lena %1$s",
                                         "dueDate":"2027-03-05"}]}""".formatted(lastName, email))
                .post(base + "/minutes")
                .then()
                .statusCode(201);
        as("project-office")
                .body("""
                        {"scheduledAt":"2027-03-03T09:00:00Z","durationMinutes":60,
                         "participants":["pm@kontor.example","%s"],"agenda":["Ziele"]}""".formatted(email))
                .post(base + "/kickoff")
                .then()
                .statusCode(200);
        assertThat(TestDatabase.tablesMentioning(dataSource, lastName)).contains("staff_member", "minutes");

        EmployeeErased erased = new EmployeeErased(lena, LocalDate.of(2031, 1, 1));
        String eventId = UUID.randomUUID().toString();
        events.send("hr-service", erased, eventId, Instant.now());
        events.send("hr-service", erased, eventId, Instant.now()); // redelivered: the inbox handles it once
        events.send("hr-service", erased); // hr sent it again: nothing is left to change
        await().atMost(Duration.ofSeconds(30)).until(() -> member(lena).erasedOn != null);

        assertThat(TestDatabase.tablesMentioning(dataSource, lastName)).isEmpty();
        assertThat(TestDatabase.tablesMentioning(dataSource, email)).isEmpty();
        as("project-office")
                .get(base + "/minutes")
                .then()
                .statusCode(200)
                .body("items[0].attendees", contains(FORMER, "Sven"))
                .body("items[0].decisions", contains(FORMER + " übernimmt das Backend"))
                .body("items[0].actionItems.owner", contains(FORMER))
                .body("items[0].actionItems.description", contains("Zugang für " + FORMER + " einrichten"));
        assertThat(kickoffParticipants(project)).containsExactly("pm@kontor.example");
        List<String> staff = as("project-office")
                .queryParam("size", 500)
                .get(PROJECTS + "/staff")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.employeeId");
        assertThat(staff).doesNotContain(lena.toString());
        assertThat(member(lena).erasedOn).isEqualTo(LocalDate.of(2031, 1, 1));
    }

    private static StaffMember member(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> StaffMember.<StaffMember>findById(id));
    }

    private static List<String> kickoffParticipants(String projectId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> List.copyOf(Kickoff.<Kickoff>findById(UUID.fromString(projectId)).participants));
    }
}
