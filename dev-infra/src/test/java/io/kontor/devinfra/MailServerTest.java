package io.kontor.devinfra;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MailServerTest {

    @Test
    void mailSentOverSmtpWithTheSendersLoginIsReadOverImapByTheRecipient() throws Exception {
        try (MailServer server = MailServer.start()) {
            Properties smtp = new Properties();
            smtp.setProperty("mail.smtp.host", MailServer.HOST);
            smtp.setProperty("mail.smtp.port", Integer.toString(server.smtpPort()));
            smtp.setProperty("mail.smtp.auth", "true");
            Session session = Session.getInstance(smtp);
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(MailServer.SENDER_ADDRESS));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress("kunde@example.com"));
            message.setSubject("Angebot A-1");
            message.setText("Guten Tag");
            Transport.send(message, MailServer.SENDER_LOGIN, MailServer.SENDER_PASSWORD);

            try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
                store.connect(
                        MailServer.HOST,
                        server.imapPort(),
                        "kunde@example.com",
                        MailServer.mailboxPassword("kunde@example.com"));
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                assertThat(inbox.getMessages())
                        .singleElement()
                        .satisfies(m -> assertThat(m.getSubject()).isEqualTo("Angebot A-1"));
            }
        }
    }

    @Test
    void servicesGetTheirMailerSettingsAsEnvironmentVariables() {
        assertThat(MailServer.environment(2525, 2143))
                .containsEntry("KONTOR_SMTP_PORT", "2525")
                .containsEntry("KONTOR_SMTP_START_TLS", "DISABLED")
                .containsEntry("KONTOR_MAIL_BOUNCE_ADDRESS", MailServer.BOUNCE_ADDRESS)
                .containsEntry("KONTOR_BOUNCE_IMAP_PORT", "2143");
    }
}
