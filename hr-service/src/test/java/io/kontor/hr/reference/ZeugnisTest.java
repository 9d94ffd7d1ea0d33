package io.kontor.hr.reference;

import static io.kontor.hr.HrApi.as;
import static io.kontor.hr.HrApi.hireSomeone;
import static io.kontor.hr.HrApi.pdfText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.kontor.testing.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** §109 GewO: the date, the reason for leaving, the signer and the letterhead of a reference, and its correction. */
@QuarkusTest
class ZeugnisTest {

    private static final String SIGNER =
            "\"signedBy\": {\"name\": \"Hanna Haller\", \"position\": \"Leiterin Personal\"}";

    @Inject
    MutableClock clock;

    @AfterEach
    void followTheSystemClockAgain() {
        clock.reset();
    }

    @Test
    void a_final_reference_is_dated_the_last_day_with_the_reason_the_signer_and_the_letterhead() {
        String employee = hireSomeone("Fritz", "Fortgang").getString("employee.id");
        leave(employee, "2028-06-30", "RESIGNATION");
        clock.set(Instant.parse("2028-07-14T09:00:00Z")); // issued two weeks after the last day

        String reference = issue(employee, "FINAL", 2, "")
                .then()
                .statusCode(201)
                .body("datedOn", equalTo("2028-06-30"))
                .body("signedBy.name", equalTo("Hanna Haller"))
                .extract()
                .path("id");

        String text = document(reference);
        assertThat(text)
                .startsWith("Kontor GmbH Speicherstadt 1, 20457 Hamburg Arbeitszeugnis")
                .contains("scheidet mit Ablauf des 30.06.2028 auf eigenen Wunsch aus unserem Unternehmen aus")
                .contains("Hamburg, 30.06.2028")
                .contains("Hanna Haller Leiterin Personal Kontor GmbH")
                .doesNotContain("14.07.2028", "Version");
    }

    @Test
    void an_interim_reference_is_dated_the_day_it_is_issued_and_names_its_signer() {
        clock.set(Instant.parse("2026-12-01T09:00:00Z"));
        String employee = hireSomeone("Ida", "Interim").getString("employee.id");
        clock.set(Instant.parse("2027-09-15T22:30:00Z")); // already the 16th in Hamburg

        String reference = issue(employee, "INTERIM", 2, SIGNER)
                .then()
                .statusCode(201)
                .body("datedOn", equalTo("2027-09-16"))
                .extract()
                .path("id");

        assertThat(document(reference)).contains("Hamburg, 16.09.2027", "Hanna Haller Leiterin Personal");
        issue(employee, "INTERIM", 2, "").then().statusCode(400).body("violations.field", equalTo(List.of("signedBy")));
    }

    /** A corrected reference keeps the original date and shows no version: nothing betrays the dispute. */
    @Test
    void a_corrected_reference_keeps_the_original_date_and_shows_no_version() {
        String employee = hireSomeone("Kurt", "Kranz").getString("employee.id");
        leave(employee, "2028-03-31", "MUTUAL_AGREEMENT");
        clock.set(Instant.parse("2028-04-02T09:00:00Z"));
        String original =
                issue(employee, "FINAL", 3, "").then().statusCode(201).extract().path("id");

        clock.set(Instant.parse("2028-08-20T09:00:00Z")); // months later, after the employee objected
        String corrected = as("hr").body("""
                {"ratings": {"performance": 2, "expertise": 2, "reliability": 2, "conduct": 2},
                 "tasks": ["Aufbau der Lohnbuchhaltung"]}
                """)
                .post("/references/" + original + "/corrections")
                .then()
                .statusCode(201)
                .body("version", equalTo(2))
                .body("correctsId", equalTo(original))
                .body("kind", equalTo("FINAL"))
                .body("datedOn", equalTo("2028-03-31"))
                .body("signedBy.position", equalTo("Leiterin Personal"))
                .extract()
                .path("id");

        String text = document(corrected);
        assertThat(text)
                .contains("Hamburg, 31.03.2028", "stets zu unserer vollen Zufriedenheit", "Aufbau der Lohnbuchhaltung")
                .contains("im gegenseitigen Einvernehmen")
                .doesNotContain("20.08.2028", "Version", "berichtigt", "Korrektur ");
        assertThat(document(original)).contains("Hamburg, 31.03.2028").doesNotContain("Version");
        as("hr").get("/employees/" + employee + "/references").then().body("id", equalTo(List.of(original, corrected)));
    }

    @Test
    void a_dismissal_is_not_mentioned_and_a_final_reference_needs_the_leaving_recorded() {
        String employee = hireSomeone("Dora", "Diskret").getString("employee.id");
        issue(employee, "FINAL", 2, SIGNER).then().statusCode(409).body("violations.field", equalTo(List.of("kind")));
        leave(employee, "2027-12-31", "DISMISSAL");

        String reference =
                issue(employee, "FINAL", 2, "").then().statusCode(201).extract().path("id");

        assertThat(document(reference))
                .contains("scheidet mit Ablauf des 31.12.2027 aus unserem Unternehmen aus")
                .doesNotContain("Kündigung", "gekündigt");
        clock.set(Instant.parse("2028-01-05T09:00:00Z"));
        issue(employee, "INTERIM", 2, SIGNER).then().statusCode(409).body("violations.field", equalTo(List.of("kind")));
    }

    private static void leave(String employee, String lastDay, String reason) {
        as("hr").body("""
                {"leavingDate": "%s", "reason": "%s", %s}
                """.formatted(lastDay, reason, SIGNER))
                .post("/employees/" + employee + "/leaving")
                .then()
                .statusCode(200);
    }

    private static io.restassured.response.Response issue(String employee, String kind, int grade, String extra) {
        return as("hr").body("""
                {"kind": "%s", "ratings": {"performance": %d, "expertise": %d, "reliability": %d, "conduct": %d}
                 %s}
                """.formatted(kind, grade, grade, grade, grade, extra.isEmpty() ? "" : ", " + extra))
                .post("/employees/" + employee + "/references");
    }

    private static String document(String reference) {
        return pdfText(as("hr").get("/references/" + reference + "/document")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray())
                .replaceAll("[\\s\\u00A0]+", " ")
                .strip();
    }
}
