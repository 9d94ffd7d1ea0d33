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
import java.util.LinkedHashMap;
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

    private static final String WAKE_RELAY = Outbox.class.getName() + ".wake";

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
        headers.put(
                CloudEventHeaders.TIME,
                Instant.now(clock).atOffset(ZoneOffset.UTC).toString());
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
        String sql =
                "insert into outbox (lane, topic, record_key, headers, payload, created_at) values (?, ?, ?, ?::jsonb, ?, ?)";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setInt(1, key == null ? 0 : Math.floorMod(key.hashCode(), LANES));
            insert.setString(2, topic);
            insert.setString(3, key);
            insert.setString(4, toJson(headers));
            insert.setString(5, payload);
            insert.setTimestamp(6, Timestamp.from(Instant.now(clock)));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write to the outbox", e);
        }
        wakeRelayAfterCommit();
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

    private void wakeRelayAfterCommit() {
        if (transactions.getResource(WAKE_RELAY) != null) {
            return;
        }
        transactions.putResource(WAKE_RELAY, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wakeUp();
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
