package io.kontor.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kontor.platform.problem.ConflictProblem;
import io.kontor.platform.testapp.NoteMail;
import io.kontor.testing.MutableClock;
import io.kontor.testing.TestMail;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The platform's outgoing mail against a real SMTP/IMAP server (GreenMail from test-support): what the business change
 * requests is what the recipient reads over IMAP, with the recorded Message-ID and attachment hashes.
 */
@QuarkusTest
class MailOutboxTest {

    @Inject
    NoteMail noteMail;

    @Inject
    MailOutbox mail;

    @Inject
    MailSender sender;

    @Inject
    MutableClock clock;

    @AfterEach
    void restore() {
        sender.afterAcceptance(() -> {});
        clock.reset();
    }

    private static String recipient() {
        return "kunde-" + UUID.randomUUID() + "@example.com";
    }

    @Test
    void a_requested_mail_arrives_with_its_message_id_letterhead_and_attachment_and_the_record_says_so() {
        String to = recipient();
        byte[] pdf = "%PDF-1.7 a note".getBytes(StandardCharsets.UTF_8);
        MailDelivery requested = noteMail.writeAndMail(
                "Lieferplan", to, Locale.GERMAN, List.of(new MailAttachment("notiz.pdf", "application/pdf", pdf)));
        assertThat(requested.status()).isEqualTo(MailDelivery.Status.PENDING);

        assertThat(sender.sendDue()).isPositive();

        TestMail.Received received = TestMail.awaitMessage(to, m -> true);
        assertThat(received.messageId()).isEqualTo(requested.messageId());
        assertThat(received.subject()).isEqualTo("Notiz Lieferplan");
        // § 37a HGB, § 35a GmbHG: a business e-mail names the company's register entry and managing directors.
        assertThat(received.text())
                .contains("anbei die Notiz „Lieferplan“")
                .contains("Mit freundlichen Grüßen")
                .contains("Sitz Hamburg, Amtsgericht Hamburg HRB 000000")
                .contains("Geschäftsführung: Erika Mustermann");
        assertThat(received.attachment("notiz.pdf").sha256()).isEqualTo(MailAttachment.sha256(pdf));

        MailDelivery record = mail.get(requested.id());
        assertThat(record.status()).isEqualTo(MailDelivery.Status.SENT);
        assertThat(record.attempts()).isEqualTo(1);
        assertThat(record.handedToSmtpAt()).isNotNull();
        assertThat(record.acceptedAt()).isNotNull();
        assertThat(record.serverResponse()).startsWith("250");
        assertThat(record.attachments())
                .singleElement()
                .satisfies(file -> assertThat(file.sha256())
                        .isEqualTo(received.attachment("notiz.pdf").sha256()));
        assertThat(mail.deliveries("note", requested.documentId()))
                .extracting(MailDelivery::id)
                .containsExactly(requested.id());
    }

    @Test
    void an_english_mail_is_written_and_signed_in_english() {
        String to = recipient();
        noteMail.writeAndMail("Delivery plan", to, Locale.ENGLISH, List.of());
        sender.sendDue();
        TestMail.Received received = TestMail.awaitMessage(to, m -> true);
        assertThat(received.subject()).isEqualTo("Note Delivery plan");
        assertThat(received.text()).contains("Kind regards").contains("Managing directors: Erika Mustermann");
    }

    @Test
    void a_change_that_rolls_back_sends_nothing() {
        String to = recipient();
        assertThatThrownBy(() -> noteMail.writeAndMailThenFail("Entwurf", to))
                .isInstanceOf(IllegalStateException.class);
        sender.sendDue();
        assertThat(mail.list(null, 1000)).noneMatch(d -> d.recipient().equals(to));
        assertThat(TestMail.inbox(to)).isEmpty();
    }

    @Test
    void attachments_over_the_configured_limit_are_a_conflict_and_nothing_is_stored() {
        String to = recipient();
        byte[] big = new byte[100_001];
        assertThatThrownBy(() -> noteMail.writeAndMail(
                        "Groß", to, Locale.GERMAN, List.of(new MailAttachment("gross.bin", "application/pdf", big))))
                .isInstanceOf(ConflictProblem.class)
                .hasMessageContaining("100001 bytes")
                .hasMessageContaining("kontor.mail.max-attachment-bytes");
        assertThat(mail.list(null, 1000)).noneMatch(d -> d.recipient().equals(to));
    }

    /**
     * The sender dies mid-batch, right after the server accepted the second of three messages and before it could
     * record that. After the lease every message is there and the only repeat carries the Message-ID of its first copy,
     * recorded as an in-doubt resend: nothing lost, no silent duplicate.
     */
    @Test
    void a_sender_that_dies_after_smtp_acceptance_loses_nothing_and_its_repeat_is_recognisable() {
        String to = recipient();
        List<MailDelivery> requested = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            requested.add(noteMail.writeAndMail("Stapel " + i, to, Locale.GERMAN, List.of()));
        }
        int[] accepted = {0};
        sender.afterAcceptance(() -> {
            if (++accepted[0] == 2) {
                throw new MailSender.SimulatedCrash();
            }
        });
        assertThatThrownBy(sender::sendDue).isInstanceOf(MailSender.SimulatedCrash.class);
        sender.afterAcceptance(() -> {});

        assertThat(requested.stream().map(d -> mail.get(d.id()).status()))
                .containsExactly(MailDelivery.Status.SENT, MailDelivery.Status.SENDING, MailDelivery.Status.SENDING);
        TestMail.awaitMessage(to, m -> m.messageId().equals(requested.get(1).messageId()));

        // Within the lease a SENDING row may still belong to a live sender: it is left alone.
        sender.sendDue();
        assertThat(mail.get(requested.get(2).id()).status()).isEqualTo(MailDelivery.Status.SENDING);

        clock.advance(Duration.ofMinutes(6));
        sender.sendDue();

        for (MailDelivery delivery : requested) {
            assertThat(mail.get(delivery.id()).status()).isEqualTo(MailDelivery.Status.SENT);
        }
        assertThat(mail.get(requested.get(0).id()).inDoubtResends()).isZero();
        assertThat(mail.get(requested.get(1).id()).inDoubtResends()).isEqualTo(1);
        assertThat(mail.get(requested.get(1).id()).lastError()).contains("same Message-ID");

        List<TestMail.Received> inbox = TestMail.awaitInbox(to, 4);
        assertThat(inbox)
                .extracting(TestMail.Received::messageId)
                .containsExactlyInAnyOrder(
                        requested.get(0).messageId(),
                        requested.get(1).messageId(),
                        requested.get(1).messageId(),
                        requested.get(2).messageId());
    }
}
