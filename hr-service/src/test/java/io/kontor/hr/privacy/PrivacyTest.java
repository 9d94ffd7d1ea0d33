package io.kontor.hr.privacy;

import static io.kontor.hr.HrApi.advance;
import static io.kontor.hr.HrApi.applicationAt;
import static io.kontor.hr.HrApi.applicationBody;
import static io.kontor.hr.HrApi.as;
import static io.kontor.hr.HrApi.openPosition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.agroal.api.AgroalDataSource;
import io.kontor.testing.MutableClock;
import io.kontor.testing.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PrivacyTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MutableClock clock;

    @Inject
    Erasure erasure;

    @AfterEach
    void followTheSystemClockAgain() {
        clock.reset();
    }

    @Test
    void erasing_an_application_leaves_no_personal_data_in_the_database_but_keeps_the_statistics() {
        Candidate candidate = Candidate.unique();
        String opening = openPosition("Datenschutzbeauftragte");
        // With an idempotency key the answer is stored too: it must not carry the candidate's data either.
        String id = as("front-office")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(applicationBody(opening, candidate.firstName, candidate.lastName, candidate.email))
                .post("/applications")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        advance(id, "SCREENING");
        advance(id, "INTERVIEW");
        as("hr").body(
                        "{\"interviewer\":\"Frau Lange\",\"scores\":{\"Fachwissen\":4,\"Auftreten\":5},\"notes\":\"%s wirkte souverän\"}"
                                .formatted(candidate.lastName))
                .post("/applications/" + id + "/interviews")
                .then()
                .statusCode(201);
        assertThat(tablesMentioning(candidate.lastName)).as("before erasure").contains("application", "interview");

        as("hr").delete("/applications/" + id).then().statusCode(204);
        as("hr").delete("/applications/" + id).then().statusCode(204);

        assertThat(tablesMentioning(candidate.firstName)).isEmpty();
        assertThat(tablesMentioning(candidate.lastName)).isEmpty();
        assertThat(tablesMentioning(candidate.email)).isEmpty();
        as("hr").get("/applications/" + id)
                .then()
                .statusCode(200)
                .body("erased", equalTo(true))
                .body("candidate", nullValue())
                .body("coverLetter", nullValue())
                .body("stage", equalTo("INTERVIEW"))
                .body("meanScore", equalTo(4.5f))
                .body("interviews[0].notes", nullValue());
    }

    @Test
    void rejected_candidates_are_erased_by_themselves_after_six_months_and_no_sooner() {
        clock.set(Instant.parse("2027-01-15T10:00:00Z"));
        String opening = openPosition("Kassierer");
        Candidate rejected = Candidate.unique();
        Candidate waiting = Candidate.unique();
        String rejectedId = as("front-office")
                .body(applicationBody(opening, rejected.firstName, rejected.lastName, rejected.email))
                .post("/applications")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as("front-office")
                .body(applicationBody(opening, waiting.firstName, waiting.lastName, waiting.email))
                .post("/applications")
                .then()
                .statusCode(201);
        advance(rejectedId, "REJECTED");

        // The letter is dated 15 January; six months from it end with 15 July (§§187(1), 188(2) BGB).
        clock.set(Instant.parse("2027-07-15T21:59:00Z")); // 23:59 in Hamburg: the last day of the retention
        erasure.eraseRejectedPastRetention();
        assertThat(tablesMentioning(rejected.email)).contains("application");

        clock.advance(Duration.ofMinutes(1)); // midnight in Hamburg: the retention is over
        int erased = erasure.eraseRejectedPastRetention();

        assertThat(erased).isPositive();
        assertThat(tablesMentioning(rejected.email)).isEmpty();
        assertThat(tablesMentioning(rejected.lastName)).isEmpty();
        assertThat(tablesMentioning(waiting.email))
                .as("a candidate still in the race is kept")
                .contains("application");
        as("hr").get("/applications/" + rejectedId)
                .then()
                .body("erased", equalTo(true))
                .body("stage", equalTo("REJECTED"));
    }

    @Test
    void the_careers_site_cannot_erase_and_an_unknown_application_is_a_404() {
        String id = applicationAt(openPosition("Fahrer"), "Fritz", "Fahrer", "RECEIVED");

        as("front-office").delete("/applications/" + id).then().statusCode(403).contentType("application/problem+json");
        as("hr").delete("/applications/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        as("hr").get("/applications/" + id).then().body("erased", equalTo(false));
    }

    /** Names of the tables in the service's schema that have a row whose text contains {@code value}, in any column. */
    private List<String> tablesMentioning(String value) {
        List<String> tables = TestDatabase.tablesMentioning(dataSource, value);
        assertThat(tables.size()).isLessThan(100);
        return tables;
    }

    /** A candidate whose name and address no other test uses, so finding them anywhere means finding this one. */
    private record Candidate(String firstName, String lastName, String email) {
        static Candidate unique() {
            String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
            return new Candidate("Vorname" + tag, "Nachname" + tag, "kandidat." + tag + "@example.org");
        }
    }
}
