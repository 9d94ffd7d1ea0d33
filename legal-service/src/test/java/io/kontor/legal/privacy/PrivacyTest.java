package io.kontor.legal.privacy;

import static io.kontor.legal.LegalApi.BASE;
import static io.kontor.legal.LegalApi.legal;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.kontor.platform.events.process.ApprovalDecided;
import io.kontor.testing.MutableClock;
import io.kontor.testing.TestApprovals;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PrivacyTest {

    @Inject
    TestApprovals process;

    private static final String REQUESTS = BASE + "/privacy/requests";
    private static final String ACTIVITIES = BASE + "/privacy/processing-activities";

    @Inject
    MutableClock clock;

    @AfterEach
    void followTheSystemClockAgain() {
        clock.reset();
    }

    @Test
    void an_access_request_is_due_one_month_after_receipt_and_overdue_the_day_after() {
        // Art. 12 (3) GDPR, counted as Regulation 1182/71 counts a month: 31 January -> 28 February.
        clock.set(Instant.parse("2027-02-01T09:00:00Z"));
        String id = legal().body("""
                        {"kind": "ACCESS", "receivedOn": "2027-01-31",
                         "subject": {"name": "Erika Muster", "email": "erika@example.org"}}""")
                .post(REQUESTS)
                .then()
                .statusCode(201)
                .body("deadline", equalTo("2027-02-28"))
                .body("status", equalTo("OPEN"))
                .body("overdue", equalTo(false))
                .extract()
                .path("id");

        clock.set(Instant.parse("2027-03-01T09:00:00Z"));
        legal().get(REQUESTS + "/" + id).then().body("overdue", equalTo(true)).body("daysLeft", equalTo(-1));

        // Four eyes on the answer (PrivacyAnswerApprovalTest): it waits, the deadline still counts.
        legal().body("{\"answer\": \"Auskunft erteilt, Bündel per Post.\"}")
                .post(REQUESTS + "/" + id + "/answer")
                .then()
                .statusCode(202)
                .body("status", equalTo("PENDING_APPROVAL"))
                .body("overdue", equalTo(true));
        process.decide(process.awaitRequest(PrivacyAnswerApproval.ACT, id), ApprovalDecided.APPROVED, "zweite");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> legal().get(REQUESTS + "/" + id)
                        .then()
                        .body("status", equalTo("ANSWERED"))
                        .body("overdue", equalTo(false)));
        legal().body("{\"answer\": \"nochmal\"}")
                .post(REQUESTS + "/" + id + "/answer")
                .then()
                .statusCode(409);
    }

    @Test
    void a_request_without_identifying_data_is_a_400_naming_the_subject_and_nothing_is_registered() {
        long before = legal().get(REQUESTS).then().extract().<Integer>path("total");

        legal().body("{\"kind\": \"ERASURE\", \"subject\": {\"name\": \"Nur ein Name\"}}")
                .post(REQUESTS)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", contains("subject"));
        legal().body("{\"kind\": \"ERASURE\"}")
                .post(REQUESTS)
                .then()
                .statusCode(400)
                .body("violations.field", contains("subject"));
        legal().body("{\"kind\": \"RECTIFICATION\", \"subject\": {\"customerNumber\": \"K-10042\"}}")
                .post(REQUESTS)
                .then()
                .statusCode(400)
                .body("violations.field", contains("details"));

        legal().get(REQUESTS).then().body("total", equalTo((int) before));
    }

    @Test
    void the_record_of_processing_activities_is_data_and_exported_whole() {
        String name = "Angebote und Kundenstamm " + UUID.randomUUID();
        String id = legal().body("""
                        {"name": "%s", "owner": "sales-backoffice-service",
                         "purposes": ["Angebote erstellen und versenden"],
                         "legalBasis": "Art. 6 (1) (b) DSGVO",
                         "dataSubjects": ["Kunden", "Ansprechpartner"],
                         "dataCategories": ["Name", "Anschrift", "E-Mail"],
                         "recipients": ["accounting-service"],
                         "retention": "6 Jahre nach Vertragsende (§257 HGB)",
                         "securityMeasures": "TLS, Rollen, verschlüsselte Sicherung"}""".formatted(name))
                .post(ACTIVITIES)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        legal().body("{\"name\": \"ohne Zweck\", \"owner\": \"x\", \"purposes\": []}")
                .post(ACTIVITIES)
                .then()
                .statusCode(400);

        legal().get(ACTIVITIES + "/export")
                .then()
                .statusCode(200)
                .body("controller", equalTo("Kontor Musterhandel GmbH"))
                .body("activities.id", hasItem(id))
                .body("activities.find { it.id == '%s' }.legalBasis".formatted(id), equalTo("Art. 6 (1) (b) DSGVO"));
    }
}
