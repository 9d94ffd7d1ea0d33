package io.kontor.legal.privacy;

import static io.kontor.legal.LegalApi.BASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.kontor.platform.events.approvals.ApprovalRequested;
import io.kontor.platform.events.process.ApprovalDecided;
import io.kontor.testing.TestApprovals;
import io.kontor.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Four eyes on answering a data-subject request (issue #20; the answer must be right and provably so, Art. 12, 15 and 5
 * (2) GDPR): the clerk's answer waits for a second person of legal; approved the request is answered (by the clerk),
 * rejected it is open again for a better answer.
 */
@QuarkusTest
class PrivacyAnswerApprovalTest {

    private static final String REQUESTS = BASE + "/privacy/requests";

    @Inject
    TestApprovals process;

    @Test
    void a_rejected_answer_reopens_the_request_and_the_next_one_once_approved_answers_it() {
        String id = as("lara")
                .body("""
                        {"kind": "ACCESS", "subject": {"name": "Max Muster", "email": "max@example.org"}}""")
                .post(REQUESTS)
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        as("lara")
                .body("{\"answer\": \"Wir speichern nichts.\"}")
                .post(REQUESTS + "/" + id + "/answer")
                .then()
                .statusCode(202)
                .body("status", equalTo("PENDING_APPROVAL"));
        // While it waits, nobody answers again.
        as("lara")
                .body("{\"answer\": \"doch\"}")
                .post(REQUESTS + "/" + id + "/answer")
                .then()
                .statusCode(409);
        ApprovalRequested first = process.awaitRequest(PrivacyAnswerApproval.ACT, id);
        assertThat(first.role()).isEqualTo("legal");
        assertThat(first.requestedBy()).endsWith("lara");
        assertThat(first.link()).isEqualTo("/api/v1/legal/privacy/requests/" + id);
        assertThat(first.amount()).isNull();

        process.decide(first, ApprovalDecided.REJECTED, "tom");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> as("tom")
                        .get(REQUESTS + "/" + id)
                        .then()
                        .body("status", equalTo("OPEN"))
                        .body("answer", equalTo(null)));

        as("lara")
                .body("{\"answer\": \"Auskunft mit dem Bündel aller Dienste.\"}")
                .post(REQUESTS + "/" + id + "/answer")
                .then()
                .statusCode(202);
        // The topic is read across its partitions, so the list's order is not the order of publication: the second
        // request is the one that is not the first.
        ApprovalRequested second = await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> process.requests(PrivacyAnswerApproval.ACT, id), found -> found.size() == 2)
                .stream()
                .filter(request -> !request.approvalId().equals(first.approvalId()))
                .findFirst()
                .orElseThrow();
        process.decide(second, ApprovalDecided.APPROVED, "tom");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> as("tom")
                        .get(REQUESTS + "/" + id)
                        .then()
                        .body("status", equalTo("ANSWERED"))
                        .body("answer", equalTo("Auskunft mit dem Bündel aller Dienste."))
                        .body("answeredBy", org.hamcrest.Matchers.endsWith("lara")));
    }

    private static RequestSpecification as(String subject) {
        return RestAssured.given()
                .header("Authorization", TestTokens.bearerFor(subject, "legal"))
                .contentType(ContentType.JSON);
    }
}
