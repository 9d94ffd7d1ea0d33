package io.kontor.hr.privacy;

import static io.kontor.hr.HrApi.advance;
import static io.kontor.hr.HrApi.applicationAt;
import static io.kontor.hr.HrApi.as;
import static io.kontor.hr.HrApi.awaitEvents;
import static io.kontor.hr.HrApi.openPosition;
import static io.kontor.hr.HrApi.pdfText;
import static io.kontor.hr.HrApi.permanentContract;
import static io.kontor.hr.HrApi.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.kontor.platform.events.hr.CandidateRejected;
import io.kontor.testing.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Candidates' data under the GDPR: withdrawal, rejection letters that start the retention, the talent pool. */
@QuarkusTest
class CandidateGdprTest {

    @Inject
    MutableClock clock;

    @Inject
    Erasure erasure;

    @AfterEach
    void followTheSystemClockAgain() {
        clock.reset();
    }

    @Test
    void closing_an_opening_rejects_who_is_still_waiting_with_a_letter_dated_that_day() {
        clock.set(Instant.parse("2027-02-10T09:00:00Z"));
        String opening = openPosition("Disponentin");
        String waiting = applicationAt(opening, "Wilma", "Warte", "INTERVIEW");
        String hired = applicationAt(opening, "Hugo", "Hired", "OFFER");
        as("hr").body(permanentContract("2027-04-01"))
                .post("/applications/" + hired + "/hire")
                .then()
                .statusCode(201);
        String withdrawn = applicationAt(opening, "Walter", "Weg", "SCREENING");
        advance(withdrawn, "WITHDRAWN");

        as("hr").post("/job-openings/" + opening + "/close").then().statusCode(200);

        as("hr").get("/applications/" + waiting)
                .then()
                .body("stage", equalTo("REJECTED"))
                .body("rejectionSentOn", equalTo("2027-02-10"));
        as("hr").get("/applications/" + hired).then().body("stage", equalTo("HIRED"));
        as("hr").get("/applications/" + withdrawn)
                .then()
                .body("stage", equalTo("WITHDRAWN"))
                .body("rejectionSentOn", equalTo(null));
        assertThat(awaitEvents("hr.applications", waiting, CandidateRejected.TYPE))
                .hasSize(1);

        String letter = pdfText(as("hr").get("/applications/" + waiting + "/rejection-letter")
                        .then()
                        .statusCode(200)
                        .contentType("application/pdf")
                        .extract()
                        .asByteArray())
                .replaceAll("[\\s\\u00A0]+", " ");
        assertThat(letter)
                .contains("Kontor GmbH", "Speicherstadt 1, 20457 Hamburg", "Wilma Warte", "Hamburg, 10.02.2027")
                .contains("Ihre Bewerbung als Disponentin")
                .contains("löschen wir am 11.08.2027", "§ 15 Abs. 4 AGG");
        as("hr").get("/applications/" + withdrawn + "/rejection-letter").then().statusCode(409);
        as("middle-office")
                .get("/applications/" + waiting + "/rejection-letter")
                .then()
                .statusCode(403);
    }

    @Test
    void a_withdrawn_candidate_is_erased_six_months_after_the_withdrawal() {
        clock.set(Instant.parse("2027-03-10T09:00:00Z"));
        String application = applicationAt(openPosition("Gärtner"), "Gerd", "Gegangen", "INTERVIEW");
        advance(application, "WITHDRAWN");
        as("hr").body("{\"stage\":\"SCREENING\"}")
                .post("/applications/" + application + "/advance")
                .then()
                .statusCode(409);

        clock.set(Instant.parse("2027-09-10T21:00:00Z")); // 23:00 on the last day in Hamburg
        erasure.eraseRejectedPastRetention();
        as("hr").get("/applications/" + application).then().body("erased", equalTo(false));
        clock.set(Instant.parse("2027-09-10T22:00:00Z"));
        erasure.eraseRejectedPastRetention();
        as("hr").get("/applications/" + application)
                .then()
                .body("erased", equalTo(true))
                .body("stage", equalTo("WITHDRAWN"));
    }

    @Test
    void the_talent_pool_keeps_a_consenting_candidate_until_the_consent_is_withdrawn_or_expires() {
        clock.set(Instant.parse("2027-01-05T09:00:00Z"));
        String opening = openPosition("Lagerleiter");
        String pooled = submit(opening, "Paula", "Pool", true);
        String other = submit(opening, "Olga", "Ohnepool", false);
        String withdrawing = submit(opening, "Wanda", "Widerruf", true);
        as("hr").post("/job-openings/" + opening + "/close").then().statusCode(200);
        assertThat(pdfText(as("hr").get("/applications/" + pooled + "/rejection-letter")
                                .then()
                                .extract()
                                .asByteArray())
                        .replaceAll("[\\s\\u00A0]+", " "))
                .contains("Talentpool", "löschen sie spätestens am 06.01.2029", "Art. 7 Abs. 3 DSGVO");

        clock.set(Instant.parse("2027-04-01T09:00:00Z"));
        as("hr").delete("/applications/" + withdrawing + "/talent-pool-consent")
                .then()
                .statusCode(200)
                .body("inTalentPool", equalTo(false));

        clock.set(Instant.parse("2027-07-06T09:00:00Z")); // six months after the letter
        erasure.eraseRejectedPastRetention();
        as("hr").get("/applications/" + other).then().body("erased", equalTo(true));
        as("hr").get("/applications/" + withdrawing).then().body("erased", equalTo(true));
        as("hr").get("/applications/" + pooled)
                .then()
                .body("erased", equalTo(false))
                .body("inTalentPool", equalTo(true));

        clock.set(Instant.parse("2029-01-06T23:30:00Z")); // two years after the consent, in Hamburg
        erasure.eraseRejectedPastRetention();
        as("hr").get("/applications/" + pooled).then().body("erased", equalTo(true));
    }

    private static String submit(String opening, String firstName, String lastName, boolean talentPool) {
        return as("front-office")
                .body("""
                        {"jobOpeningId": "%s", "candidate": {"firstName": "%s", "lastName": "%s", "email": "%s"},
                         "talentPoolConsent": %s}
                        """.formatted(opening, firstName, lastName, uniqueEmail(lastName), talentPool))
                .post("/applications")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
