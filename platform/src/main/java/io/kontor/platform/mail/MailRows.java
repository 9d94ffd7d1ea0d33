package io.kontor.platform.mail;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reading mail_delivery rows into {@link MailDelivery} records. */
final class MailRows {

    private static final String COLUMNS = "select id, message_id, document_type, document_id, recipient, subject,"
            + " language, status, attempts, max_attempts, created_at, next_attempt_at, handed_to_smtp_at, accepted_at,"
            + " server_response, last_error, in_doubt_resends, resend_of, requested_by, bounced_at, bounce_status, bounce_diagnostic,"
            + " bounce_reported_by from mail_delivery ";

    private MailRows() {}

    static List<MailDelivery> query(AgroalDataSource dataSource, String where, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(COLUMNS + where)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            List<MailDelivery> deliveries = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    UUID id = row.getObject(1, UUID.class);
                    deliveries.add(new MailDelivery(
                            id,
                            row.getString(2),
                            row.getString(3),
                            row.getString(4),
                            row.getString(5),
                            row.getString(6),
                            row.getString(7),
                            MailDelivery.Status.valueOf(row.getString(8)),
                            row.getInt(9),
                            row.getInt(10),
                            instant(row.getTimestamp(11)),
                            instant(row.getTimestamp(12)),
                            instant(row.getTimestamp(13)),
                            instant(row.getTimestamp(14)),
                            row.getString(15),
                            row.getString(16),
                            row.getInt(17),
                            row.getObject(18, UUID.class),
                            row.getString(19),
                            instant(row.getTimestamp(20)),
                            row.getString(21),
                            row.getString(22),
                            row.getString(23),
                            MailOutbox.attachmentViews(connection, id)));
                }
            }
            return deliveries;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read mail deliveries", e);
        }
    }

    static List<MailAttachment> attachmentsWithContent(AgroalDataSource dataSource, UUID id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select file_name, content_type, content from mail_attachment where delivery_id = ?"
                                + " order by position")) {
            select.setObject(1, id);
            List<MailAttachment> attachments = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    attachments.add(new MailAttachment(row.getString(1), row.getString(2), row.getBytes(3)));
                }
            }
            return attachments;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read mail attachments", e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
