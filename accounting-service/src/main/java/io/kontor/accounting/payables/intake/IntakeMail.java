package io.kontor.accounting.payables.intake;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * What one mail of the intake mailbox brought: an attachment that became an invoice (or was a duplicate, or no invoice
 * file at all), or nothing usable. Unique by Message-ID and the attachment's SHA-256: the record that makes reading a
 * mail again harmless.
 */
@Entity
@Table(name = "supplier_invoice_mail")
public class IntakeMail extends PanacheEntityBase {

    public enum Outcome {
        /** Stored as a supplier invoice; its status tells RECEIVED, NEEDS_DATA or REJECTED. */
        INVOICE,
        /** The same supplier and number were received before. */
        DUPLICATE,
        /** Not an invoice file (empty, too large, neither PDF nor XML). */
        REFUSED,
        /** A mail without a PDF or XML attachment: kept in the mailbox for a person, recorded here. */
        NO_ATTACHMENT
    }

    @Id
    public UUID id;

    public String messageId;
    public String sender;
    public String subject;
    public Instant sentAt;
    public Instant readAt;
    public String fileName;
    public String sha256;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    public UUID invoiceId;
    public String detail;

    static boolean recorded(String messageId, String sha256) {
        return sha256 == null
                ? count("messageId = ?1 and sha256 is null", messageId) > 0
                : count("messageId = ?1 and sha256 = ?2", messageId, sha256) > 0;
    }
}
