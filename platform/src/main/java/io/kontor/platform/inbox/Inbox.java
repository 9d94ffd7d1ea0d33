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
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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

    /** One consumer's claim on one event. */
    public record Entry(String consumer, String eventId) {}

    /**
     * Records all of {@code entries} in one statement, as {@link #firstDelivery} does each.
     *
     * @return the entries that were new; one already recorded (before, or earlier in the list) is not among them
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<Entry> firstDeliveries(List<Entry> entries) {
        Set<Entry> fresh = new HashSet<>();
        if (entries.isEmpty()) {
            return fresh;
        }
        // One microsecond apart in list order: the rows keep the order in which the poll applies its events, as one
        // transaction per event did (one timestamp for the whole poll would tie, and whoever reads the inbox by
        // processed_at, an operator or the no-loss fault test, could no longer tell one key's order).
        String sql = "insert into inbox (consumer, event_id, processed_at)"
                + " select c, e, cast(? as timestamptz) + cast(n - 1 as double precision) * interval '1 microsecond'"
                + " from unnest(?::varchar[], ?::varchar[]) with ordinality as t(c, e, n)"
                + " on conflict do nothing returning consumer, event_id";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setTimestamp(1, Timestamp.from(Instant.now(clock)));
            insert.setArray(
                    2,
                    connection.createArrayOf(
                            "varchar", entries.stream().map(Entry::consumer).toArray()));
            insert.setArray(
                    3,
                    connection.createArrayOf(
                            "varchar", entries.stream().map(Entry::eventId).toArray()));
            try (var inserted = insert.executeQuery()) {
                while (inserted.next()) {
                    fresh.add(new Entry(inserted.getString(1), inserted.getString(2)));
                }
            }
            return fresh;
        } catch (SQLException e) {
            throw new IllegalStateException("could not record " + entries.size() + " events in the inbox", e);
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
