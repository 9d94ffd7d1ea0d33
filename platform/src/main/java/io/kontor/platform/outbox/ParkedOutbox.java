package io.kontor.platform.outbox;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.kontor.platform.problem.NotFoundProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Outbox rows Kafka refused for good ({@code outbox_parked}), and the two ways out of it.
 *
 * <p>The relay parks a row and, while it is parked, reads no row with the same record key, so the key's later events
 * wait in the outbox in their order. A retry puts the row back into the outbox under its old id, which is lower than
 * those of the rows waiting behind it, so it goes first again. A discard deletes it and lets the waiting rows go.
 */
@ApplicationScoped
public class ParkedOutbox {

    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};

    private static final String COLUMNS = "p.id, p.topic, p.record_key, p.headers, p.payload, p.error, p.attempts,"
            + " p.created_at, p.parked_at,"
            + " (select count(*) from outbox o where o.lane = p.lane and o.record_key = p.record_key)";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    /** @param waiting rows of the same key in the outbox, held back until this one is retried or discarded */
    public record ParkedRow(
            long id,
            String topic,
            String key,
            Map<String, String> headers,
            String payload,
            String error,
            int attempts,
            Instant createdAt,
            Instant parkedAt,
            long waiting) {}

    /** Moves the row from the outbox to the parked rows, in the relay's transaction. */
    static void park(Connection connection, long id, String error, int attempts, Instant parkedAt) throws SQLException {
        String sql = "with moved as (delete from outbox where id = ? returning *)"
                + " insert into outbox_parked"
                + " (id, lane, topic, record_key, headers, payload, created_at, error, attempts, parked_at)"
                + " select id, lane, topic, record_key, headers, payload, created_at, ?, ?, ? from moved";
        try (PreparedStatement park = connection.prepareStatement(sql)) {
            park.setLong(1, id);
            park.setString(2, error);
            park.setInt(3, attempts);
            park.setTimestamp(4, Timestamp.from(parkedAt));
            park.executeUpdate();
        }
    }

    public long count() {
        return countOf("select count(*) from outbox_parked");
    }

    /** Rows in the outbox that wait behind a parked row of their key. */
    public long held() {
        return countOf("select count(*) from outbox o where exists"
                + " (select 1 from outbox_parked p where p.record_key = o.record_key)");
    }

    double countOrNaN() {
        try {
            return count();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Oldest first: the order in which they were published. */
    public List<ParkedRow> list(String topic, int page, int size) {
        String sql = "select " + COLUMNS + " from outbox_parked p where (cast(? as varchar) is null or p.topic = ?)"
                + " order by p.id offset ? limit ?";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, topic);
            select.setString(2, topic);
            select.setLong(3, (long) page * size);
            select.setInt(4, size);
            return rows(select);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the parked outbox rows", e);
        }
    }

    public long count(String topic) {
        if (topic == null) {
            return count();
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count =
                        connection.prepareStatement("select count(*) from outbox_parked where topic = ?")) {
            count.setString(1, topic);
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the parked outbox rows", e);
        }
    }

    public ParkedRow find(long id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select =
                        connection.prepareStatement("select " + COLUMNS + " from outbox_parked p where p.id = ?")) {
            select.setLong(1, id);
            return rows(select).stream().findFirst().orElseThrow(() -> notFound(id));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read parked outbox row " + id, e);
        }
    }

    /**
     * Puts the row back into the outbox for the relay, under its old id: ahead of the rows of its key that waited.
     *
     * @return the row as it was parked
     */
    @Transactional
    public ParkedRow retry(long id) {
        ParkedRow row = locked(id);
        String sql = "with back as (delete from outbox_parked where id = ?"
                + " returning id, lane, topic, record_key, headers, payload, created_at)"
                + " insert into outbox (id, lane, topic, record_key, headers, payload, created_at)"
                + " select id, lane, topic, record_key, headers, payload, created_at from back";
        update(sql, id);
        return row;
    }

    /**
     * Drops the row for good; the rows of its key that waited go out next.
     *
     * @return the row as it was parked
     */
    @Transactional
    public ParkedRow discard(long id) {
        ParkedRow row = locked(id);
        update("delete from outbox_parked where id = ?", id);
        return row;
    }

    // Locks the row so that two admins retrying or discarding it at once get one success and one 404.
    private ParkedRow locked(long id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select " + COLUMNS + " from outbox_parked p where p.id = ? for update of p")) {
            select.setLong(1, id);
            return rows(select).stream().findFirst().orElseThrow(() -> notFound(id));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read parked outbox row " + id, e);
        }
    }

    private void update(String sql, long id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(sql)) {
            update.setLong(1, id);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot move parked outbox row " + id, e);
        }
    }

    private static NotFoundProblem notFound(long id) {
        return new NotFoundProblem("parked outbox row", id);
    }

    private List<ParkedRow> rows(PreparedStatement select) throws SQLException {
        List<ParkedRow> rows = new ArrayList<>();
        try (ResultSet result = select.executeQuery()) {
            while (result.next()) {
                rows.add(new ParkedRow(
                        result.getLong(1),
                        result.getString(2),
                        result.getString(3),
                        headers(result.getString(4)),
                        result.getString(5),
                        result.getString(6),
                        result.getInt(7),
                        result.getTimestamp(8).toInstant(),
                        result.getTimestamp(9).toInstant(),
                        result.getLong(10)));
            }
        }
        return rows;
    }

    private Map<String, String> headers(String headers) {
        try {
            return json.readValue(headers, HEADERS);
        } catch (Exception e) {
            throw new IllegalStateException("parked outbox row with unreadable headers: " + headers, e);
        }
    }

    private long countOf(String sql) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement(sql);
                ResultSet result = count.executeQuery()) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count parked outbox rows", e);
        }
    }
}
