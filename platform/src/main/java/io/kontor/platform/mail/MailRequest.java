package io.kontor.platform.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One message to send for a document: {@code documentType}/{@code documentId} are how the document finds its deliveries
 * again ({@code GET /offers/{id}/deliveries}). The text comes from the service's Qute template
 * {@code mail/<template>.<language>.txt} (first line the subject, then the body), rendered with {@code data} and the
 * company letterhead ({@link MailTemplates}).
 */
public record MailRequest(
        String documentType,
        String documentId,
        String recipient,
        String template,
        Locale language,
        Map<String, Object> data,
        List<MailAttachment> attachments,
        String requestedBy) {

    public MailRequest {
        Objects.requireNonNull(documentType, "documentType");
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(template, "template");
        language = language == null ? Locale.GERMAN : language;
        data = data == null ? Map.of() : Map.copyOf(data);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public static Builder forDocument(String documentType, Object documentId) {
        return new Builder(documentType, String.valueOf(documentId));
    }

    public static final class Builder {
        private final String documentType;
        private final String documentId;
        private String recipient;
        private String template;
        private Locale language = Locale.GERMAN;
        private final Map<String, Object> data = new java.util.LinkedHashMap<>();
        private final List<MailAttachment> attachments = new ArrayList<>();
        private String requestedBy;

        private Builder(String documentType, String documentId) {
            this.documentType = documentType;
            this.documentId = documentId;
        }

        public Builder to(String recipient) {
            this.recipient = recipient;
            return this;
        }

        public Builder template(String template, Locale language) {
            this.template = template;
            this.language = language;
            return this;
        }

        public Builder data(String name, Object value) {
            data.put(name, value);
            return this;
        }

        public Builder attach(String fileName, String contentType, byte[] content) {
            attachments.add(new MailAttachment(fileName, contentType, content));
            return this;
        }

        public Builder requestedBy(String principal) {
            this.requestedBy = principal;
            return this;
        }

        public MailRequest build() {
            return new MailRequest(
                    documentType, documentId, recipient, template, language, data, attachments, requestedBy);
        }
    }
}
