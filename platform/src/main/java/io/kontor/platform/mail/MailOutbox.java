package io.kontor.platform.mail;

import io.agroal.api.AgroalDataSource;
import io.kontor.platform.problem.ConflictProblem;
import io.kontor.platform.problem.NotFoundProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The only way a service sends mail: {@link #send(MailRequest)} stores the rendered message with its attachments in the
 * caller's transaction, so it goes out exactly when the business change that sends it (offer sent, invoice issued,
 * dunning run) was committed. {@link MailSender} delivers it afterwards; the row stays as its delivery record.
 */
@ApplicationScoped
public class MailOutbox {

    private static final Logger LOG = Logger.getLogger(MailOutbox.class);
    private static final String WAKE_SENDER = MailOutbox.class.getName() + ".wake";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Clock clock;

    @Inject
    MailConfig config;

    @Inject
    MailTemplates templates;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    MailSender sender;

    @ConfigProperty(name = "quarkus.application.name")
    String serviceName;

    /**
     * Renders and stores the message; its Message-ID is made here, once, and sent with every try.
     *
     * @throws ConflictProblem when the attachments together exceed {@code kontor.mail.max-attachment-bytes}: the
     *     caller's transaction rolls back, so the business change does not happen without its mail
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public MailDelivery send(MailRequest request) {
        long total = request.attachments().stream()
                .mapToLong(attachment -> attachment.content().length)
                .sum();
        if (total > config.maxAttachmentBytes()) {
            throw new ConflictProblem("the attachments of this mail are " + total + " bytes together, more than the "
                    + config.maxAttachmentBytes() + " bytes allowed (kontor.mail.max-attachment-bytes)");
        }
        MailTemplates.Rendered rendered = templates.render(request.template(), request.language(), request.data());
        UUID id = UUID.randomUUID();
        insert(
                id,
                request.documentType(),
                request.documentId(),
                request.recipient(),
                rendered.subject(),
                rendered.body(),
                request.language().getLanguage(),
                request.requestedBy(),
                null,
                request.attachments());
        wakeSenderAfterCommit();
        return get(id);
    }

    /**
     * The rule every document mail follows: nothing is sent when this kind of mail is switched off ({@code enabled},
     * e.g. {@code kontor.dunning-mail.enabled}) or the recipient has no address; the document stays valid and goes out
     * another way (paper, hand-over), which the log says for the missing address ({@code what}: "invoice RE-2026-1").
     * Otherwise {@link #send(MailRequest)} with the request built for the address.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<MailDelivery> sendIfAddressed(
            boolean enabled, String address, String what, Function<String, MailRequest> request) {
        if (!enabled) {
            return Optional.empty();
        }
        if (address == null || address.isBlank()) {
            LOG.infof("%s is not mailed: the recipient has no e-mail address", what);
            return Optional.empty();
        }
        return Optional.of(send(request.apply(address)));
    }

    /**
     * A new message with the same recipient, text and files as {@code deliveryId} and a new Message-ID (it is a new
     * message, sent on purpose); its record points to the original ({@code resendOf}).
     */
    @Transactional
    public MailDelivery resend(UUID deliveryId, String requestedBy) {
        MailDelivery original = find(deliveryId).orElseThrow(() -> new NotFoundProblem("mail delivery", deliveryId));
        UUID id = UUID.randomUUID();
        List<MailAttachment> attachments = attachmentsWithContent(deliveryId);
        insert(
                id,
                original.documentType(),
                original.documentId(),
                original.recipient(),
                original.subject(),
                bodyOf(deliveryId),
                original.language(),
                requestedBy,
                deliveryId,
                attachments);
        wakeSenderAfterCommit();
        return get(id);
    }

    /**
     * Erases a person from every mail that names them, whatever document it belongs to (GDPR Art. 17): a mail to them
     * loses recipient, subject, text and files as in {@link #erasePersonalData}; in a mail to others their name or
     * address in subject and text becomes "erased", and a file that contains it (an invitation listing them as
     * attendee) is emptied, its size and SHA-256 kept. A mail to them not sent yet is not sent any more (FAILED).
     *
     * @param mentions the person's name and e-mail address, each matched without regard to case
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void erasePersonMentioned(List<String> mentions) {
        for (String mention : mentions) {
            if (mention == null || mention.isBlank()) {
                continue;
            }
            Pattern literal = Pattern.compile(Pattern.quote(mention), Pattern.CASE_INSENSITIVE);
            String like = "%" + mention.toLowerCase(Locale.ROOT) + "%";
            try (Connection connection = dataSource.getConnection()) {
                eraseDeliveries(connection, "lower(recipient) = lower(?)", mention);
                try (PreparedStatement attachments = connection.prepareStatement(
                        // Text files (an invitation's ATTENDEE lines) only; a PDF's text is compressed.
                        "update mail_attachment set content = ''::bytea, file_name = 'erased'"
                                + " where position(lower(?) in lower(encode(content, 'escape'))) > 0")) {
                    attachments.setString(1, mention);
                    attachments.executeUpdate();
                }
                List<Object[]> naming = new ArrayList<>();
                try (PreparedStatement find =
                        connection.prepareStatement("select id, subject, body_text from mail_delivery"
                                + " where lower(subject) like ? or lower(body_text) like ?")) {
                    find.setString(1, like);
                    find.setString(2, like);
                    try (ResultSet rows = find.executeQuery()) {
                        while (rows.next()) {
                            naming.add(new Object[] {rows.getObject(1), rows.getString(2), rows.getString(3)});
                        }
                    }
                }
                try (PreparedStatement replace = connection.prepareStatement(
                        "update mail_delivery set subject = ?, body_text = ? where id = ?")) {
                    for (Object[] row : naming) {
                        replace.setString(1, literal.matcher((String) row[1]).replaceAll("erased"));
                        replace.setString(
                                2,
                                row[2] == null
                                        ? null
                                        : literal.matcher((String) row[2]).replaceAll("erased"));
                        replace.setObject(3, row[0]);
                        replace.executeUpdate();
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not erase a person from the mails", e);
            }
        }
    }

    /**
     * Erases the personal data of a document's mails (GDPR Art. 17): recipient, subject, text and the files' content
     * and names go, the record stays - Message-ID, times, status, the server's answer without the address, the files'
     * size and SHA-256 - so that it can still be shown that and when something was sent. A mail not sent yet is not
     * sent any more (FAILED).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void erasePersonalData(String documentType, String documentId) {
        try (Connection connection = dataSource.getConnection()) {
            eraseDeliveries(connection, "document_type = ? and document_id = ?", documentType, documentId);
        } catch (SQLException e) {
            throw new IllegalStateException("could not erase the mails of " + documentType + " " + documentId, e);
        }
    }

    /**
     * Blanks the deliveries {@code where} selects, and their files: recipient, subject, text, file content and names,
     * and an error naming the recipient; what shows that and when something was sent stays. One not sent yet is FAILED.
     */
    private static void eraseDeliveries(Connection connection, String where, String... parameters) throws SQLException {
        try (PreparedStatement attachments = connection.prepareStatement(
                "update mail_attachment set content = ''::bytea, file_name = 'erased' where delivery_id in"
                        + " (select id from mail_delivery where " + where + ")")) {
            bind(attachments, parameters);
            attachments.executeUpdate();
        }
        try (PreparedStatement deliveries = connection.prepareStatement(
                "update mail_delivery set recipient = 'erased', subject = 'erased', body_text = '',"
                        + " server_response = split_part(server_response, ' for ', 1),"
                        + " last_error = case when status in ('PENDING', 'SENDING')"
                        + " then 'personal data erased before it was sent'"
                        + " when position(recipient in coalesce(last_error, '')) > 0 then 'erased'"
                        + " else last_error end,"
                        + " bounce_diagnostic = case when position(recipient in coalesce(bounce_diagnostic, '')) > 0"
                        + " then 'erased' else bounce_diagnostic end,"
                        + " status = case when status in ('PENDING', 'SENDING') then 'FAILED' else status end"
                        + " where " + where)) {
            bind(deliveries, parameters);
            deliveries.executeUpdate();
        }
    }

    private static void bind(PreparedStatement statement, String... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setString(i + 1, parameters[i]);
        }
    }

    /** Every message sent for a document, oldest first. */
    public List<MailDelivery> deliveries(String documentType, String documentId) {
        return MailRows.query(
                dataSource,
                "where document_type = ? and document_id = ? order by created_at, id",
                documentType,
                documentId);
    }

    /** Messages of this service in one status (or all), newest first, at most {@code limit}. */
    public List<MailDelivery> list(MailDelivery.Status status, int limit) {
        return status == null
                ? MailRows.query(dataSource, "order by created_at desc, id limit " + limit)
                : MailRows.query(
                        dataSource, "where status = ? order by created_at desc, id limit " + limit, status.name());
    }

    public Optional<MailDelivery> find(UUID id) {
        return MailRows.query(dataSource, "where id = ?", id).stream().findFirst();
    }

    public MailDelivery get(UUID id) {
        return find(id).orElseThrow(() -> new NotFoundProblem("mail delivery", id));
    }

    private void insert(
            UUID id,
            String documentType,
            String documentId,
            String recipient,
            String subject,
            String body,
            String language,
            String requestedBy,
            UUID resendOf,
            List<MailAttachment> attachments) {
        Instant now = Instant.now(clock);
        String messageId = "<" + id + "@" + serviceName + ".kontor>";
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into mail_delivery (id, message_id, document_type, document_id, recipient, subject,"
                            + " body_text, language, status, attempts, max_attempts, next_attempt_at, resend_of,"
                            + " requested_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?, ?, ?)")) {
                insert.setObject(1, id);
                insert.setString(2, messageId);
                insert.setString(3, documentType);
                insert.setString(4, documentId);
                insert.setString(5, recipient);
                insert.setString(6, subject);
                insert.setString(7, body);
                insert.setString(8, language);
                insert.setInt(9, config.maxAttempts());
                insert.setTimestamp(10, Timestamp.from(now));
                insert.setObject(11, resendOf);
                insert.setString(12, requestedBy);
                insert.setTimestamp(13, Timestamp.from(now));
                insert.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into mail_attachment (delivery_id, position, file_name, content_type, size_bytes, sha256,"
                            + " content) values (?, ?, ?, ?, ?, ?, ?)")) {
                int position = 0;
                for (MailAttachment attachment : attachments) {
                    insert.setObject(1, id);
                    insert.setInt(2, position++);
                    insert.setString(3, attachment.fileName());
                    insert.setString(4, attachment.contentType());
                    insert.setInt(5, attachment.content().length);
                    insert.setString(6, attachment.sha256());
                    insert.setBytes(7, attachment.content());
                    insert.addBatch();
                }
                if (position > 0) {
                    insert.executeBatch();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the mail", e);
        }
    }

    String bodyOf(UUID id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select =
                        connection.prepareStatement("select body_text from mail_delivery where id = ?")) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    List<MailAttachment> attachmentsWithContent(UUID id) {
        return MailRows.attachmentsWithContent(dataSource, id);
    }

    private void wakeSenderAfterCommit() {
        if (transactions.getResource(WAKE_SENDER) != null) {
            return;
        }
        transactions.putResource(WAKE_SENDER, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    sender.wakeUp();
                }
            }
        });
    }

    static List<MailDelivery.Attachment> attachmentViews(Connection connection, UUID id) throws SQLException {
        List<MailDelivery.Attachment> views = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select file_name, content_type, size_bytes, sha256 from mail_attachment where delivery_id = ?"
                        + " order by position")) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    views.add(new MailDelivery.Attachment(
                            row.getString(1), row.getString(2), row.getLong(3), row.getString(4)));
                }
            }
        }
        return views;
    }
}
