package io.kontor.accounting.payables.intake;

import io.kontor.accounting.payables.PayablesConfig;
import io.kontor.accounting.payables.RejectedInvoiceProblem;
import io.kontor.accounting.payables.SupplierInvoice;
import io.kontor.platform.mail.ImapMailbox;
import io.kontor.platform.problem.ConflictProblem;
import io.kontor.platform.problem.InvalidFieldProblem;
import io.kontor.platform.time.BusinessCalendar;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Accounts payable's intake mailbox ({@code kontor.accounting.payables.mailbox.*}, off without a host): every PDF and
 * XML attachment of a new mail goes through the same {@link Intake} as an upload (validation, duplicates, REJECTED),
 * received via MAIL. What each mail brought is recorded as an {@link IntakeMail} with its Message-ID and sender, in the
 * transaction that stores the invoice; a mail is marked seen only after that, and a mail read again finds its record
 * and is not taken in twice. A mail without a usable attachment is recorded too and stays in the mailbox (seen) for a
 * person; none is deleted: the mailbox is the trail of what arrived.
 */
@ApplicationScoped
public class IntakeMailbox {

    private static final Logger LOG = Logger.getLogger(IntakeMailbox.class);
    private static final String NAME = "invoice intake mailbox";
    static final String VIA = "MAIL";

    @Inject
    PayablesConfig config;

    @Inject
    Intake intake;

    @Inject
    BusinessCalendar calendar;

    @Scheduled(
            every = "${kontor.accounting.payables.mailbox.poll-interval}",
            delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        ImapMailbox.poll(NAME, config.mailbox(), this::take);
    }

    /** Reads the new mail now; returns how many mails were taken in. */
    public int read() {
        return ImapMailbox.readUnseen(NAME, config.mailbox(), this::take);
    }

    ImapMailbox.After take(Message message) throws MessagingException, IOException {
        Envelope envelope = envelope(message);
        List<Intake.Upload> files = new ArrayList<>();
        collect(message, files);
        if (files.isEmpty()) {
            record(
                    envelope,
                    null,
                    IntakeMail.Outcome.NO_ATTACHMENT,
                    null,
                    "no PDF or XML attachment: left for a person");
            return ImapMailbox.After.SEEN;
        }
        for (Intake.Upload file : files) {
            take(envelope, file);
        }
        return ImapMailbox.After.SEEN;
    }

    private void take(Envelope envelope, Intake.Upload file) {
        String sha256 = Intake.sha256(file.content());
        if (QuarkusTransaction.requiringNew().call(() -> IntakeMail.recorded(envelope.messageId(), sha256))) {
            return;
        }
        try {
            SupplierInvoice invoice = intake.receive(
                    file,
                    VIA,
                    null,
                    stored -> row(envelope, file, sha256, IntakeMail.Outcome.INVOICE, stored.id, null)
                            .persist());
            LOG.infof(
                    "Mail %s from %s: %s became supplier invoice %s (%s)",
                    envelope.messageId(), envelope.sender(), file.fileName(), invoice.id, invoice.status);
        } catch (RejectedInvoiceProblem rejected) {
            // Stored as REJECTED with its record; the validator's messages are on the invoice.
            LOG.infof("Mail %s from %s: %s rejected", envelope.messageId(), envelope.sender(), file.fileName());
        } catch (ConflictProblem duplicate) {
            record(envelope, file, IntakeMail.Outcome.DUPLICATE, sha256, duplicate.getMessage());
        } catch (InvalidFieldProblem refused) {
            record(envelope, file, IntakeMail.Outcome.REFUSED, sha256, refused.getMessage());
        } catch (RuntimeException e) {
            // The database answering here (else this throws and the mail stays unseen for the next poll) says the
            // failure was the file's, not the database's.
            if (QuarkusTransaction.requiringNew().call(() -> IntakeMail.recorded(envelope.messageId(), sha256))) {
                // Another replica took the same mail in at the same time; its record won.
                return;
            }
            // A file the intake cannot handle would otherwise stop the mailbox at this mail on every poll: it is
            // recorded for a person, who finds the mail in the mailbox.
            LOG.warnf(
                    e,
                    "Mail %s from %s: %s could not be taken in",
                    envelope.messageId(),
                    envelope.sender(),
                    file.fileName());
            record(envelope, file, IntakeMail.Outcome.REFUSED, sha256, "could not be taken in: " + e);
        }
    }

    private void record(
            Envelope envelope, Intake.Upload file, IntakeMail.Outcome outcome, String sha256, String detail) {
        try {
            QuarkusTransaction.requiringNew()
                    .run(() ->
                            row(envelope, file, sha256, outcome, null, detail).persist());
        } catch (RuntimeException e) {
            if (!QuarkusTransaction.requiringNew().call(() -> IntakeMail.recorded(envelope.messageId(), sha256))) {
                throw e;
            }
        }
    }

    private IntakeMail row(
            Envelope envelope,
            Intake.Upload file,
            String sha256,
            IntakeMail.Outcome outcome,
            UUID invoiceId,
            String detail) {
        IntakeMail row = new IntakeMail();
        row.id = UUID.randomUUID();
        row.messageId = envelope.messageId();
        row.sender = envelope.sender();
        row.subject = envelope.subject();
        row.sentAt = envelope.sentAt();
        row.readAt = calendar.now();
        row.fileName = file == null ? null : limit(file.fileName(), 300);
        row.sha256 = sha256;
        row.outcome = outcome;
        row.invoiceId = invoiceId;
        row.detail = limit(detail, 2000);
        return row;
    }

    record Envelope(String messageId, String sender, String subject, java.time.Instant sentAt) {}

    private static Envelope envelope(Message message) throws MessagingException, IOException {
        String[] ids = message.getHeader("Message-ID");
        String messageId;
        if (ids != null && ids.length > 0 && !ids[0].isBlank()) {
            messageId = limit(ids[0].strip(), 998);
        } else {
            // Without a Message-ID the message's bytes identify it: the same mail read again has the same hash.
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            message.writeTo(raw);
            messageId = "<" + Intake.sha256(raw.toByteArray()) + "@no-message-id>";
        }
        Address[] from = message.getFrom();
        String sender = from == null || from.length == 0 ? null : limit(decode(from[0].toString()), 998);
        return new Envelope(
                messageId,
                sender,
                limit(message.getSubject(), 998),
                message.getSentDate() == null ? null : message.getSentDate().toInstant());
    }

    /** The PDF and XML files of a message, however deep in its multiparts. */
    private static void collect(Part part, List<Intake.Upload> files) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), files);
            }
            return;
        }
        String type = new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
        String fileName = part.getFileName() == null ? null : decode(part.getFileName());
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        boolean pdf = type.equals("application/pdf") || name.endsWith(".pdf");
        boolean xml = (fileName != null || Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()))
                && (type.equals("application/xml") || type.equals("text/xml") || name.endsWith(".xml"));
        if (!pdf && !xml) {
            return;
        }
        try (InputStream in = part.getInputStream()) {
            files.add(new Intake.Upload(in.readAllBytes(), fileName, pdf ? "application/pdf" : "application/xml"));
        }
    }

    private static String decode(String text) {
        try {
            return MimeUtility.decodeText(text);
        } catch (UnsupportedEncodingException e) {
            return text;
        }
    }

    private static String limit(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }
}
