package io.kontor.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kontor.local.AppProcess;
import io.kontor.testing.TestMail;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The mail sender killed with -9 in the middle of a batch: project-office mails minutes to 50 addresses and is killed
 * as soon as the first of them is recorded SENT. After the restart every address has the mail (nothing lost), and every
 * copy in a mailbox carries the Message-ID of its delivery record, a second copy only where the record counts an
 * in-doubt resend (no silent duplicate: a repeat is recognisable as the same message).
 */
@SuppressWarnings("unchecked") // JSON answers read as maps and lists
class MailSenderKillTest extends SystemTest {

    private static final int ADDRESSES = 50;

    @Test
    void a_sender_killed_mid_batch_loses_no_mail_and_repeats_only_with_the_same_message_id() {
        String projectId = asAdmin()
                .body("""
                        {"name": "Verteilerprojekt", "managerEmail": "pm@kontor.example", "startDate": "2027-02-01"}""")
                .post("/api/v1/projects")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        AppProcess projects = platform.process("project-office-service");

        String minutesId = null;
        List<String> addresses = null;
        int sentAtKill = -1;
        // The sender may finish 50 mails before the first look; then another batch is tried.
        for (int attempt = 0; attempt < 3 && sentAtKill < 0; attempt++) {
            String run = UUID.randomUUID().toString().substring(0, 8);
            addresses = IntStream.range(0, ADDRESSES)
                    .mapToObj(i -> "verteiler-" + i + "-" + run + "@kunde.example")
                    .toList();
            minutesId = asAdmin()
                    .body(Map.of(
                            "meetingDate",
                            "2027-02-01",
                            "attendees",
                            List.of("Anna", "Ben"),
                            "decisions",
                            List.of("Umzug am 1. März"),
                            "distribution",
                            addresses))
                    .post("/api/v1/projects/{id}/minutes", projectId)
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            int sent = 0;
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (sent == 0 && System.nanoTime() < until) {
                sent = sent(deliveries(projectId, minutesId));
            }
            if (sent > 0 && sent < ADDRESSES) {
                projects.kill();
                sentAtKill = sent;
            }
        }
        assertThat(sentAtKill)
                .as("SENT when the sender was killed (a try hit the middle of a batch)")
                .isBetween(1, ADDRESSES - 1);

        projects.restart();
        String minutes = minutesId;
        List<Map<String, Object>> records = await("all " + ADDRESSES + " mails SENT after the restart")
                .atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> deliveries(projectId, minutes), found -> sent(found) == ADDRESSES);

        int repeated = 0;
        int inDoubt = 0;
        for (Map<String, Object> record : records) {
            String address = (String) record.get("recipient");
            String messageId = (String) record.get("messageId");
            int resends = ((Number) record.get("inDoubtResends")).intValue();
            inDoubt += resends > 0 ? 1 : 0;
            TestMail.awaitMessage(
                    platform.mail().imapPort(), address, m -> messageId.equals(m.messageId()), Duration.ofSeconds(60));
            List<TestMail.Received> copies = TestMail.inbox(platform.mail().imapPort(), address);
            assertThat(copies)
                    .as("copies at " + address)
                    .allSatisfy(copy -> assertThat(copy.messageId()).isEqualTo(messageId))
                    .hasSizeBetween(1, 1 + resends);
            repeated += copies.size() > 1 ? 1 : 0;
        }
        assertThat(records)
                .extracting(record -> record.get("recipient"))
                .containsExactlyInAnyOrderElementsOf(addresses);
        System.out.printf(
                "[mail kill] %d of %d SENT at kill -9; after the restart %d were sent again in doubt, %d arrived twice"
                        + " (same Message-ID)%n",
                sentAtKill, ADDRESSES, inDoubt, repeated);
    }

    private static List<Map<String, Object>> deliveries(String projectId, String minutesId) {
        return asAdmin()
                .get("/api/v1/projects/{p}/minutes/{m}/deliveries", projectId, minutesId)
                .then()
                .statusCode(200)
                .extract()
                .path("");
    }

    private static int sent(List<Map<String, Object>> deliveries) {
        return (int) deliveries.stream()
                .filter(delivery -> "SENT".equals(delivery.get("status")))
                .count();
    }
}
