package io.kontor.accounting.dunning;

import static io.kontor.accounting.Accounting.API;
import static io.kontor.accounting.Accounting.asAccountant;
import static io.kontor.accounting.Accounting.line;
import static io.kontor.accounting.document.PdfText.squeezed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kontor.accounting.Accounting;
import io.kontor.accounting.Accounting.Issued;
import io.kontor.accounting.SalesEvents;
import io.kontor.accounting.document.PdfText;
import io.kontor.platform.events.sales.CustomerRegistered;
import io.kontor.platform.events.sales.CustomerType;
import io.kontor.testing.MutableClock;
import io.kontor.testing.TestMail;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A dunning run mails its notice to the buyer (§286 (1) BGB: the reminder puts the debtor in default once received),
 * and the delivery record says when it was handed to the mail server; read back over IMAP from the real server.
 */
@QuarkusTest
class DunningNoticeMailTest {

    @Inject
    SalesEvents sales;

    @Inject
    MutableClock clock;

    @AfterEach
    void followTheSystemClockAgain() {
        clock.reset();
    }

    @Test
    void the_reminder_of_a_dunning_run_is_mailed_with_its_letter_and_recorded() {
        UUID customerId = UUID.randomUUID();
        String email = "mahnung-" + customerId.toString().substring(0, 8) + "@example.org";
        sales.send(new CustomerRegistered(
                customerId,
                "K-" + customerId.toString().substring(0, 6),
                "Säumig GmbH",
                CustomerType.BUSINESS,
                email,
                "DE123456789",
                14,
                SalesEvents.BERLIN));
        await().atMost(Duration.ofSeconds(30)).until(() -> SalesEvents.replicaHas(customerId));
        clock.set(Instant.parse("2025-06-02T08:00:00Z"));
        Issued invoice = Accounting.issue(customerId, line("Beratung", "10", "100.00", "19"));
        clock.set(Instant.parse("2025-06-23T08:00:00Z"));
        asAccountant()
                .body("{\"asOf\":\"2025-06-23\"}")
                .when()
                .post(API + "/dunning-runs")
                .then()
                .statusCode(200);

        JsonPath deliveries = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> new JsonPath(asAccountant()
                                .get(API + "/invoices/" + invoice.id() + "/dunning-notices/deliveries")
                                .then()
                                .statusCode(200)
                                .extract()
                                .asString()),
                        d -> "SENT".equals(d.getString("[0].status")));
        assertThat(deliveries.getList("$")).hasSize(1);
        assertThat(deliveries.getString("[0].recipient")).isEqualTo(email);
        assertThat(deliveries.getString("[0].documentType")).isEqualTo("dunning-notice");
        assertThat(deliveries.getString("[0].handedToSmtpAt")).startsWith("2025-06-23");

        String messageId = deliveries.getString("[0].messageId");
        TestMail.Received mail = TestMail.awaitMessage(email, m -> messageId.equals(m.messageId()));
        assertThat(mail.subject()).isEqualTo("Zahlungserinnerung zur Rechnung " + invoice.number());
        assertThat(mail.text()).contains("1.190,00 EUR").contains("03.07.2025");
        TestMail.Attachment letter = mail.attachment(invoice.number() + "-M1.pdf");
        assertThat(letter.sha256()).isEqualTo(deliveries.getString("[0].attachments[0].sha256"));
        assertThat(PdfText.withoutSpaces(letter.content()))
                .contains(squeezed("Zahlungserinnerung zur Rechnung " + invoice.number()))
                .contains(squeezed("Säumig GmbH"));
    }
}
