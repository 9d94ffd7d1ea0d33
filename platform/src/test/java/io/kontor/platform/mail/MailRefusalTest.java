package io.kontor.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.kontor.platform.testapp.NoteMail;
import io.kontor.testing.MutableClock;
import io.kontor.testing.TestMail;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The real SMTP server refuses the service (wrong login): each try is recorded, retried with backoff, then FAILED. */
@QuarkusTest
@TestProfile(MailRefusalTest.WrongSmtpPassword.class)
class MailRefusalTest {

    public static class WrongSmtpPassword implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // %test. outranks the unprofiled quarkus.mailer.password the test resources set.
            // A new connection per try: a pooled one the server dropped while the test waited answers 421, not the
            // refusal this test is about.
            return Map.of(
                    "%test.quarkus.mailer.password", "not-the-password", "%test.quarkus.mailer.keep-alive", "false");
        }
    }

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
        clock.reset();
    }

    @Test
    void a_refused_mail_is_retried_with_growing_waits_and_then_failed_with_the_servers_reason() {
        Instant start = Instant.parse("2026-03-02T09:00:00Z");
        clock.set(start);
        String to = "kunde-" + UUID.randomUUID() + "@example.com";
        MailDelivery requested = noteMail.writeAndMail("Abgelehnt", to, Locale.GERMAN, List.of());

        sender.sendDue();
        MailDelivery first = mail.get(requested.id());
        assertThat(first.status()).isEqualTo(MailDelivery.Status.PENDING);
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.lastError()).containsIgnoringCase("auth");
        assertThat(first.nextAttemptAt()).isEqualTo(start.plus(Duration.ofMinutes(1)));

        // Not due yet: nothing is tried.
        sender.sendDue();
        assertThat(mail.get(requested.id()).attempts()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(1));
        sender.sendDue();
        MailDelivery second = mail.get(requested.id());
        assertThat(second.attempts()).isEqualTo(2);
        assertThat(second.nextAttemptAt()).isEqualTo(start.plus(Duration.ofMinutes(1 + 2)));

        clock.advance(Duration.ofMinutes(2));
        sender.sendDue();
        MailDelivery failed = mail.get(requested.id());
        assertThat(failed.status()).isEqualTo(MailDelivery.Status.FAILED);
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.lastError()).as("the server's reason of the last try").isNotBlank();
        assertThat(TestMail.inbox(to)).isEmpty();
    }
}
