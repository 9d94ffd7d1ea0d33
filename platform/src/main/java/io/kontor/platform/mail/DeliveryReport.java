package io.kontor.platform.mail;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * What a delivery status notification (RFC 3464, {@code multipart/report; report-type=delivery-status}) says about a
 * message we sent: which one (the Message-ID in the returned headers, RFC 3462) and, per recipient, the action, the
 * status code and the remote server's diagnostic.
 */
record DeliveryReport(String originalMessageId, String reportingMta, List<Recipient> recipients) {

    record Recipient(String finalRecipient, String action, String status, String diagnostic) {

        /** "failed": the message could not be delivered and will not be (RFC 3464, 2.3.3). */
        boolean failed() {
            return "failed".equalsIgnoreCase(action);
        }
    }

    Optional<Recipient> firstFailure() {
        return recipients.stream().filter(Recipient::failed).findFirst();
    }

    /** The report in {@code message}, or empty when it is no delivery status notification (an auto-reply, spam). */
    static Optional<DeliveryReport> of(Part message) throws MessagingException, IOException {
        if (!message.isMimeType("multipart/report")) {
            return Optional.empty();
        }
        String reportType = new ContentType(message.getContentType()).getParameter("report-type");
        if (reportType == null || !reportType.equalsIgnoreCase("delivery-status")) {
            return Optional.empty();
        }
        Multipart parts = (Multipart) message.getContent();
        String reportingMta = null;
        List<Recipient> recipients = new ArrayList<>();
        String originalMessageId = null;
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.isMimeType("message/delivery-status") || part.isMimeType("message/global-delivery-status")) {
                try (InputStream decoded = part.getInputStream()) {
                    ByteArrayInputStream fields = new ByteArrayInputStream(decoded.readAllBytes());
                    // Per-message fields first, then one block per recipient, each ended by an empty line.
                    InternetHeaders perMessage = new InternetHeaders(fields);
                    reportingMta = typeless(perMessage.getHeader("Reporting-MTA", null));
                    while (true) {
                        InternetHeaders perRecipient = new InternetHeaders(fields);
                        String action = perRecipient.getHeader("Action", null);
                        if (action == null) {
                            if (fields.available() <= 0) {
                                break;
                            }
                            continue;
                        }
                        recipients.add(new Recipient(
                                typeless(perRecipient.getHeader("Final-Recipient", null)),
                                action.strip().toLowerCase(Locale.ROOT),
                                strip(perRecipient.getHeader("Status", null)),
                                typeless(perRecipient.getHeader("Diagnostic-Code", null))));
                    }
                }
            } else if (part.isMimeType("text/rfc822-headers")) {
                try (InputStream headers = part.getInputStream()) {
                    originalMessageId = new InternetHeaders(headers).getHeader("Message-ID", null);
                }
            } else if (part.isMimeType("message/rfc822") || part.isMimeType("message/global")) {
                try (InputStream returned = part.getInputStream()) {
                    originalMessageId = new MimeMessage(Session.getInstance(new Properties()), returned).getMessageID();
                }
            }
        }
        if (originalMessageId == null && message instanceof MimeMessage mime) {
            // Some servers return no headers but refer to the message as a reply does.
            originalMessageId = mime.getHeader("In-Reply-To", null);
        }
        return Optional.of(new DeliveryReport(strip(originalMessageId), reportingMta, List.copyOf(recipients)));
    }

    static Optional<DeliveryReport> of(byte[] rawMessage) throws MessagingException, IOException {
        return of(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(rawMessage)));
    }

    // "rfc822; kunde@example.com", "smtp; 550 5.1.1 no such user", "dns; mx.example.com": the part after the type.
    private static String typeless(String field) {
        if (field == null) {
            return null;
        }
        int semicolon = field.indexOf(';');
        return (semicolon < 0 ? field : field.substring(semicolon + 1))
                .replaceAll("\\s+", " ")
                .strip();
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }
}
