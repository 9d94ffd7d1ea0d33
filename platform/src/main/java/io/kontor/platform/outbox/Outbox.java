package io.kontor.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.kontor.platform.events.CloudEventHeaders;
import io.kontor.platform.events.DomainEvent;
import io.kontor.platform.events.EventType;
import io.kontor.platform.tracing.EventTracing;
import io.kontor.platform.web.CorrelationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The only way a service publishes an event: the event is written into the {@code outbox} table in the caller's
 * transaction, so it exists exactly when the state change it describes was committed. {@link OutboxRelay} moves it to
 * Kafka afterwards; a rolled-back change never reaches Kafka, and Kafka being down delays but loses nothing.
 */
@ApplicationScoped
public class Outbox {

    /** Rows are spread over this many lanes by record key; a relay replica owns a lane while it publishes from it. */
    static final int LANES = 16;

    private static final String PENDING_ROWS = Outbox.class.getName() + ".pending";

    /** Rows per executeBatch; the driver turns each into multi-row inserts (reWriteBatchedInserts). */
    private static final int INSERT_BATCH = 500;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelay relay;

    @Inject
    OutboxConfig config;

    @Inject
    EventTracing tracing;

    @ConfigProperty(name = "quarkus.application.name")
    String serviceName;

    /**
     * Records {@code event} for publication on its catalog topic, keyed by its aggregate id.
     *
     * @return the CloudEvent id ({@code ce_id})
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(DomainEvent event) {
        EventType type = DomainEvent.typeOf(event.getClass());
        UUID id = UUID.randomUUID();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CloudEventHeaders.SPEC_VERSION, "1.0");
        headers.put(CloudEventHeaders.ID, id.toString());
        headers.put(CloudEventHeaders.TYPE, type.value());
        headers.put(CloudEventHeaders.SOURCE, "/kontor/" + serviceName);
        // Always with seconds: OffsetDateTime.toString() drops ":00" at a full minute ("08:00Z"), which SmallRye's
        // CloudEvent reader refuses (RFC 3339 needs seconds), failing the consumer's whole channel.
        headers.put(
                CloudEventHeaders.TIME,
                DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(Instant.now(clock).atOffset(ZoneOffset.UTC)));
        headers.put(CloudEventHeaders.SUBJECT, event.aggregateId());
        headers.put(CloudEventHeaders.CONTENT_TYPE, "application/json");
        String correlationId = CorrelationId.current();
        if (correlationId != null) {
            headers.put(CloudEventHeaders.CORRELATION_ID, correlationId);
        }
        // traceparent (W3C) of the request that caused the event: stored with the row, sent as a Kafka header.
        tracing.inject(headers);
        enqueue(type.topic(), event.aggregateId(), headers, toJson(event));
        return id;
    }

    /** Records a raw Kafka record; for records that are not new domain events, such as dead letters. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(String topic, String key, Map<String, String> headers, String payload) {
        if (config.mode() == OutboxMode.DUAL_WRITE_FOR_BENCHMARK_ONLY) {
            sendAfterCommit(topic, key, headers, payload);
            return;
        }
        pendingRows()
                .add(new Row(
                        key == null ? 0 : Math.floorMod(key.hashCode(), LANES),
                        topic,
                        key,
                        toJson(headers),
                        payload,
                        Timestamp.from(Instant.now(clock))));
    }

    /**
     * One outbox row as {@link #insert} writes it; a new column is one more component here and one more setter there.
     */
    record Row(int lane, String topic, String key, String headers, String payload, Timestamp createdAt) {}

    /**
     * The rows of the current transaction, in publication order. They are written in one batch just before the commit
     * (#23): a transaction that publishes a thousand events pays one round trip instead of a thousand, and a
     * transaction that rolls back never wrote them. The ids (and so the relay's order per key) follow the order of
     * publication, as the batch inserts in list order and the driver's multi-row insert draws the ids in that order.
     */
    @SuppressWarnings("unchecked")
    private List<Row> pendingRows() {
        List<Row> rows = (List<Row>) transactions.getResource(PENDING_ROWS);
        if (rows != null) {
            return rows;
        }
        List<Row> pending = new ArrayList<>();
        transactions.putResource(PENDING_ROWS, pending);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // Only on the way to a commit; an exception here rolls the whole transaction back.
                insert(pending);
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wakeUp();
                }
            }
        });
        return pending;
    }

    private void insert(List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        String sql =
                "insert into outbox (lane, topic, record_key, headers, payload, created_at) values (?, ?, ?, ?::jsonb, ?, ?)";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(sql)) {
            int inBatch = 0;
            for (Row row : rows) {
                insert.setInt(1, row.lane());
                insert.setString(2, row.topic());
                insert.setString(3, row.key());
                insert.setString(4, row.headers());
                insert.setString(5, row.payload());
                insert.setTimestamp(6, row.createdAt());
                insert.addBatch();
                if (++inBatch == INSERT_BATCH) {
                    insert.executeBatch();
                    inBatch = 0;
                }
            }
            if (inBatch > 0) {
                insert.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not write to the outbox", e);
        }
    }

    // The plain dual write the outbox replaces, for the benchmark only (OutboxMode): no row, the record is sent once
    // the
    // transaction committed, without waiting for the broker; a crash or a broker outage in between loses it.
    private void sendAfterCommit(String topic, String key, Map<String, String> headers, String payload) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.sendWithoutOutbox(topic, key, headers, payload);
                }
            }
        });
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "cannot serialise " + value.getClass().getSimpleName() + " to JSON", e);
        }
    }
}
