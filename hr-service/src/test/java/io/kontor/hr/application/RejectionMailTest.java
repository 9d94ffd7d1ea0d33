package io.kontor.hr.application;

import static io.kontor.hr.HrApi.advance;
import static io.kontor.hr.HrApi.applicationBody;
import static io.kontor.hr.HrApi.as;
import static io.kontor.hr.HrApi.openPosition;
import static io.kontor.hr.HrApi.pdfText;
import static io.kontor.hr.HrApi.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kontor.testing.MutableClock;
import io.kontor.testing.TestMail;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A rejected candidate gets the rejection letter by mail the day of the rejection; the delivery record proves when it
 * was handed to the mail server (§15 (4) AGG: the two months to claim run from the letter's receipt). Read back over
 * IMAP from the real mail server.
 */
@QuarkusTest
class RejectionMailTest {

    @Inject
    MutableClock clock;

    @AfterEach
    void followTheSystemClockAgain() {
        clock.reset();
    }

    @Test
    void a_rejected_candidate_receives_the_rejection_letter_by_mail() {
        clock.set(Instant.parse("2027-02-10T09:00:00Z"));
        String opening = openPosition("Lageristin");
        String email = uniqueEmail("Rita");
        String application = as("front-office")
                .body(applicationBody(opening, "Rita", "Absage", email))
                .post("/applications")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        advance(application, "REJECTED");

        JsonPath deliveries = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> new JsonPath(as("hr").get("/applications/" + application + "/deliveries")
                                .then()
                                .statusCode(200)
                                .extract()
                                .asString()),
                        d -> "SENT".equals(d.getString("[0].status")));
        // The record the closing note of issue #21 shows.
        System.out.println("delivery record: " + deliveries.prettify());
        assertThat(deliveries.getList("$")).hasSize(1);
        assertThat(deliveries.getString("[0].recipient")).isEqualTo(email);
        assertThat(deliveries.getString("[0].handedToSmtpAt")).startsWith("2027-02-10");

        String messageId = deliveries.getString("[0].messageId");
        TestMail.Received mail = TestMail.awaitMessage(email, m -> messageId.equals(m.messageId()));
        assertThat(mail.subject()).isEqualTo("Ihre Bewerbung als Lageristin bei Kontor GmbH");
        assertThat(mail.text()).contains("Guten Tag Rita Absage").contains("10.02.2027");
        TestMail.Attachment letter = mail.attachment("absage-" + application + ".pdf");
        assertThat(letter.sha256()).isEqualTo(deliveries.getString("[0].attachments[0].sha256"));
        assertThat(pdfText(letter.content()).replaceAll("[\\s\\u00A0]+", " "))
                .contains("Rita Absage", "Ihre Bewerbung als Lageristin", "§ 15 Abs. 4 AGG");
    }
}
