package io.kontor.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.kontor.devinfra.MailServer;
import io.kontor.platform.testapp.BouncedNotes;
import io.kontor.platform.testapp.NoteMail;
import io.kontor.testing.TestInfra;
import io.kontor.testing.TestMail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Bounces over the real protocols: the mail goes out over SMTP with the bounce address as envelope sender, the
 * recipient's server answers with a delivery status notification (RFC 3464) to that address, and the service reads it
 * over IMAP. A dunning notice that bounced was not received (§ 286 (1) BGB: default by reminder needs its receipt, §
 * 130 BGB); the record must say so instead of showing it as sent.
 */
@QuarkusTest
class MailBounceTest {

    @Inject
    NoteMail noteMail;

    @Inject
    MailOutbox mail;

    @Inject
    MailSender sender;

    @Inject
    MailBounces bounces;

    @Inject
    BouncedNotes observed;

    @Test
    void a_mail_the_recipients_server_gave_up_on_becomes_bounced_with_its_status_diagnostic_and_an_event() {
        String to = "kunde-" + UUID.randomUUID() + "@example.com";
        MailDelivery requested = noteMail.writeAndMail("Mahnung", to, Locale.GERMAN, List.of());
        sender.sendDue();
        TestMail.Received arrived =
                TestMail.awaitMessage(to, m -> requested.messageId().equals(m.messageId()));
        assertThat(arrived.returnPath()).as("envelope sender").contains(MailServer.BOUNCE_ADDRESS);
        assertThat(mail.get(requested.id()).status()).isEqualTo(MailDelivery.Status.SENT);

        TestMail.sendDeliveryStatusNotification(
                arrived.returnPath().replaceAll("[<>]", ""),
                requested.messageId(),
                to,
                "failed",
                "5.1.1",
                "smtp; 550 5.1.1 <" + to + ">: Recipient address rejected: User unknown");

        awaitBounced(requested.id());
        MailDelivery bounced = mail.get(requested.id());
        assertThat(bounced.bounceStatus()).isEqualTo("5.1.1");
        assertThat(bounced.bounceDiagnostic()).contains("User unknown");
        assertThat(bounced.bounceReportedBy()).isEqualTo("mx.example.com");
        assertThat(bounced.bouncedAt()).isNotNull();
        assertThat(observed.bounced())
                .filteredOn(event -> event.deliveryId().equals(requested.id()))
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.documentType()).isEqualTo("note");
                    assertThat(event.status()).isEqualTo("5.1.1");
                });

        assertThat(bounces.readBounces()).as("a report already read").isZero();
        assertThat(observed.bounced())
                .filteredOn(event -> event.deliveryId().equals(requested.id()))
                .hasSize(1);

        // GDPR Art. 17: the diagnostic names the address and goes with it; that it bounced, and when, stays.
        QuarkusTransaction.requiringNew().run(() -> mail.erasePersonalData("note", requested.documentId()));
        MailDelivery erased = mail.get(requested.id());
        assertThat(erased.bounceDiagnostic()).isEqualTo("erased");
        assertThat(erased.status()).isEqualTo(MailDelivery.Status.BOUNCED);
        assertThat(erased.bounceStatus()).isEqualTo("5.1.1");
    }

    @Test
    void a_delay_report_leaves_the_mail_sent() {
        String to = "kunde-" + UUID.randomUUID() + "@example.com";
        MailDelivery requested = noteMail.writeAndMail("Angebot", to, Locale.GERMAN, List.of());
        sender.sendDue();
        TestMail.awaitMessage(to, m -> requested.messageId().equals(m.messageId()));

        String report = TestMail.sendDeliveryStatusNotification(
                MailServer.BOUNCE_ADDRESS,
                requested.messageId(),
                to,
                "delayed",
                "4.4.1",
                "smtp; 421 4.4.1 connection timed out, will retry");
        awaitSeen(report);

        assertThat(mail.get(requested.id()).status()).isEqualTo(MailDelivery.Status.SENT);
        assertThat(mail.get(requested.id()).bounceStatus()).isNull();
    }

    @Test
    void a_report_on_another_services_mail_is_left_unseen_for_that_service() throws Exception {
        String othersMessageId = "<" + UUID.randomUUID() + "@accounting-service.kontor>";
        String report = TestMail.sendDeliveryStatusNotification(
                MailServer.BOUNCE_ADDRESS,
                othersMessageId,
                "someone@example.com",
                "failed",
                "5.1.1",
                "smtp; 550 5.1.1 User unknown");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> seen(report) != null);

        bounces.readBounces();

        assertThat(seen(report)).as("seen flag of the other service's report").isFalse();
    }

    private void awaitBounced(UUID id) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    bounces.readBounces();
                    return mail.get(id).status() == MailDelivery.Status.BOUNCED;
                });
    }

    private void awaitSeen(String report) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    bounces.readBounces();
                    return Boolean.TRUE.equals(seen(report));
                });
    }

    /** Whether the report (by its own Message-ID) in the bounce mailbox is seen; null while it has not arrived. */
    private static Boolean seen(String report) throws MessagingException {
        try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
            store.connect(
                    MailServer.HOST,
                    TestInfra.imapPort(),
                    MailServer.BOUNCE_ADDRESS,
                    MailServer.mailboxPassword(MailServer.BOUNCE_ADDRESS));
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                // Only headers and flags are fetched: reading the body here could mark it seen.
                for (Message message : inbox.getMessages()) {
                    String[] id = message.getHeader("Message-ID");
                    if (id != null && report.equals(id[0])) {
                        return message.isSet(Flags.Flag.SEEN);
                    }
                }
                return null;
            } finally {
                inbox.close(false);
            }
        }
    }
}
