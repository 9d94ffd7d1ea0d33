package io.kontor.testing;

import io.kontor.devinfra.MailServer;
import jakarta.mail.BodyPart;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/**
 * Reads what the services sent from the test mail server over IMAP, as a recipient's mail program would: each
 * recipient's INBOX, logged in with the address as login and password ({@link MailServer#mailboxPassword(String)}).
 */
public final class TestMail {

    private TestMail() {}

    /** A file in a message, or a calendar part (iMIP), with the MIME type as sent. */
    public record Attachment(String fileName, String contentType, byte[] content) {

        public String sha256() {
            try {
                return HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(content));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        public String text() {
            return new String(content, StandardCharsets.UTF_8);
        }

        public boolean isType(String baseType) {
            return contentType.toLowerCase().startsWith(baseType.toLowerCase());
        }
    }

    public record Received(
            String messageId,
            String subject,
            String from,
            List<String> to,
            String text,
            String html,
            List<Attachment> attachments,
            /** The envelope sender as the receiving server recorded it: where bounces go. */
            String returnPath) {

        public Attachment attachment(String fileName) {
            return attachments.stream()
                    .filter(attachment -> fileName.equals(attachment.fileName()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no attachment " + fileName + " in " + attachments));
        }
    }

    /** Every message in the recipient's INBOX, oldest first (empty when nothing ever arrived for the address). */
    public static List<Received> inbox(String address) {
        return inbox(TestInfra.imapPort(), address);
    }

    /** Every message in the recipient's INBOX on the mail server at {@code imapPort} (a launched platform's). */
    public static List<Received> inbox(int imapPort, String address) {
        Properties properties = new Properties();
        properties.setProperty("mail.imap.connectiontimeout", "5000");
        properties.setProperty("mail.imap.timeout", "10000");
        Session session = Session.getInstance(properties);
        try (Store store = session.getStore("imap")) {
            try {
                store.connect(MailServer.HOST, imapPort, address, MailServer.mailboxPassword(address));
            } catch (jakarta.mail.AuthenticationFailedException noMailboxYet) {
                return List.of();
            }
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                List<Received> received = new ArrayList<>();
                for (Message message : inbox.getMessages()) {
                    received.add(read((MimeMessage) message));
                }
                return received;
            } finally {
                inbox.close(false);
            }
        } catch (MessagingException e) {
            throw new IllegalStateException("Cannot read the mailbox of " + address + " over IMAP", e);
        }
    }

    /** Waits until the recipient's INBOX holds a message that matches, and returns it. */
    public static Received awaitMessage(String address, Predicate<Received> matching, Duration timeout) {
        return awaitMessage(TestInfra.imapPort(), address, matching, timeout);
    }

    /** Waits until the recipient's INBOX on the mail server at {@code imapPort} holds a message that matches. */
    public static Received awaitMessage(int imapPort, String address, Predicate<Received> matching, Duration timeout) {
        return Awaitility.await()
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> inbox(imapPort, address).stream().filter(matching).findFirst(), found -> found.isPresent())
                .orElseThrow();
    }

    /** Waits until the recipient's INBOX holds at least {@code count} messages, and returns them all. */
    public static List<Received> awaitInbox(String address, int count) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> inbox(address), messages -> messages.size() >= count);
    }

    public static Received awaitMessage(String address, Predicate<Received> matching) {
        return awaitMessage(address, matching, Duration.ofSeconds(30));
    }

    private static Received read(MimeMessage message) throws MessagingException {
        Parts parts = new Parts();
        try {
            parts.collect(message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Received(
                message.getMessageID(),
                message.getSubject(),
                message.getFrom() == null ? null : message.getFrom()[0].toString(),
                message.getAllRecipients() == null
                        ? List.of()
                        : Arrays.stream(message.getAllRecipients())
                                .map(Object::toString)
                                .toList(),
                parts.text,
                parts.html,
                List.copyOf(parts.attachments),
                message.getHeader("Return-Path", null));
    }

    /**
     * Sends a mail with files over SMTP to the test server, as someone outside (a supplier's mail program) does;
     * returns its Message-ID.
     */
    public static String send(int smtpPort, String from, String to, String subject, String text, Attachment... files) {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", MailServer.HOST);
        properties.setProperty("mail.smtp.port", Integer.toString(smtpPort));
        Session session = Session.getInstance(properties);
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(from));
            message.setRecipients(Message.RecipientType.TO, to);
            message.setSubject(subject, "UTF-8");
            MimeMultipart parts = new MimeMultipart();
            MimeBodyPart body = new MimeBodyPart();
            body.setText(text, "UTF-8");
            parts.addBodyPart(body);
            for (Attachment file : files) {
                MimeBodyPart part = new MimeBodyPart();
                part.setDataHandler(new jakarta.activation.DataHandler(
                        new jakarta.mail.util.ByteArrayDataSource(file.content(), file.contentType())));
                part.setFileName(file.fileName());
                part.setDisposition(Part.ATTACHMENT);
                parts.addBodyPart(part);
            }
            message.setContent(parts);
            message.saveChanges();
            Transport.send(message);
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException("Cannot send the mail", e);
        }
    }

    /** As {@link #send(int, String, String, String, String, Attachment...)}, to the test infrastructure's server. */
    public static String send(String from, String to, String subject, String text, Attachment... files) {
        return send(TestInfra.smtpPort(), from, to, subject, text, files);
    }

    /**
     * Sends a delivery status notification (RFC 3464) about {@code originalMessageId} to {@code bounceAddress} over
     * SMTP, as the recipient's mail server does when it gives up: {@code action} "failed" or "delayed", {@code status}
     * e.g. "5.1.1", the remote diagnostic, and the original message's headers (text/rfc822-headers). Returns the
     * report's own Message-ID.
     */
    public static String sendDeliveryStatusNotification(
            String bounceAddress,
            String originalMessageId,
            String originalRecipient,
            String action,
            String status,
            String diagnostic) {
        return sendDeliveryStatusNotification(
                TestInfra.smtpPort(), bounceAddress, originalMessageId, originalRecipient, action, status, diagnostic);
    }

    /**
     * As {@link #sendDeliveryStatusNotification(String, String, String, String, String, String)}, to a given server.
     */
    public static String sendDeliveryStatusNotification(
            int smtpPort,
            String bounceAddress,
            String originalMessageId,
            String originalRecipient,
            String action,
            String status,
            String diagnostic) {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", MailServer.HOST);
        properties.setProperty("mail.smtp.port", Integer.toString(smtpPort));
        // Real servers send it with the null reverse path (RFC 5321, 4.5.5), which GreenMail refuses.
        properties.setProperty("mail.smtp.from", "MAILER-DAEMON@mx.example.com");
        Session session = Session.getInstance(properties);
        try {
            MimeMessage report = new MimeMessage(session);
            report.setFrom(new InternetAddress("MAILER-DAEMON@mx.example.com"));
            report.setRecipients(Message.RecipientType.TO, bounceAddress);
            report.setSubject("Undelivered Mail Returned to Sender");
            MimeMultipart parts = new MimeMultipart("report; report-type=delivery-status");
            MimeBodyPart human = new MimeBodyPart();
            human.setText("This is the mail system at host mx.example.com.\n\nI'm sorry to have to inform you that"
                    + " your message could not be delivered to one or more recipients.\n");
            parts.addBodyPart(human);
            MimeBodyPart fields = new MimeBodyPart();
            fields.setContent(
                    "Reporting-MTA: dns; mx.example.com\r\nArrival-Date: Mon, 2 Mar 2026 09:00:00 +0100\r\n\r\n"
                            + "Final-Recipient: rfc822; " + originalRecipient + "\r\n"
                            + "Original-Recipient: rfc822; " + originalRecipient + "\r\n"
                            + "Action: " + action + "\r\n"
                            + "Status: " + status + "\r\n"
                            + "Remote-MTA: dns; mx.example.com\r\n"
                            + "Diagnostic-Code: " + diagnostic + "\r\n",
                    "message/delivery-status");
            parts.addBodyPart(fields);
            MimeBodyPart headers = new MimeBodyPart();
            headers.setContent(
                    "Message-ID: " + originalMessageId + "\r\nTo: " + originalRecipient + "\r\n",
                    "text/rfc822-headers");
            parts.addBodyPart(headers);
            report.setContent(parts);
            report.saveChanges();
            Transport.send(report);
            return report.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException("Cannot send the delivery status notification", e);
        }
    }

    private static final class Parts {
        String text;
        String html;
        final List<Attachment> attachments = new ArrayList<>();

        void collect(Part part) throws MessagingException, IOException {
            String type = new ContentType(part.getContentType()).getBaseType().toLowerCase();
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    collect(child);
                }
                return;
            }
            boolean file = part.getFileName() != null || Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
            if (!file && type.equals("text/plain") && text == null) {
                text = part.getContent().toString();
            } else if (!file && type.equals("text/html") && html == null) {
                html = part.getContent().toString();
            } else {
                try (InputStream in = part.getInputStream()) {
                    attachments.add(new Attachment(part.getFileName(), part.getContentType(), in.readAllBytes()));
                }
            }
        }
    }
}
