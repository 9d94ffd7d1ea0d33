package io.kontor.platform.inbox;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

/** Remembers which events each consumer has applied, in the same transaction as the effect. */
@ApplicationScoped
public class Inbox {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Clock clock;

    /**
     * Records that {@code consumer} applies event {@code eventId} now.
     *
     * @return false when it was applied before, and the caller must do nothing
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, String eventId) {
        String sql = "insert into inbox (consumer, event_id, processed_at) values (?, ?, ?) on conflict do nothing";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, consumer);
            insert.setString(2, eventId);
            insert.setTimestamp(3, Timestamp.from(Instant.now(clock)));
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("could not record event " + eventId + " in the inbox", e);
        }
    }

    /** Whether {@code consumer} has applied event {@code eventId} (and still remembers it). */
    public boolean applied(String consumer, String eventId) {
        String sql = "select 1 from inbox where consumer = ? and event_id = ?";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, consumer);
            select.setString(2, eventId);
            try (var result = select.executeQuery()) {
                return result.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not look up event " + eventId + " in the inbox", e);
        }
    }
}
