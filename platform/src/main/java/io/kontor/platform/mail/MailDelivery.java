package io.kontor.platform.mail;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The delivery record of one message, as {@code GET …/deliveries} shows it: what went to whom with which files, when it
 * was handed to SMTP and what the server answered, how often it was tried and why it failed.
 */
public record MailDelivery(
        UUID id,
        String messageId,
        String documentType,
        String documentId,
        String recipient,
        String subject,
        String language,
        Status status,
        int attempts,
        int maxAttempts,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant handedToSmtpAt,
        Instant acceptedAt,
        String serverResponse,
        String lastError,
        int inDoubtResends,
        UUID resendOf,
        String requestedBy,
        Instant bouncedAt,
        String bounceStatus,
        String bounceDiagnostic,
        String bounceReportedBy,
        List<Attachment> attachments) {

    public enum Status {
        /** Waiting for its (next) try at {@code nextAttemptAt}. */
        PENDING,
        /** Handed to SMTP; the answer is not recorded yet (or the sender died before it could record it). */
        SENDING,
        /** The SMTP server accepted it for delivery. */
        SENT,
        /** Refused or unreachable on every try: a person must look at it (and may resend). */
        FAILED,
        /**
         * Accepted by SMTP, then reported undeliverable by the recipient's side (a delivery status notification to the
         * bounce address, {@code bounceStatus} and {@code bounceDiagnostic}): it did not arrive; correct the address
         * and resend.
         */
        BOUNCED
    }

    public record Attachment(String fileName, String contentType, long size, String sha256) {}
}
