package io.kontor.systemtests;

import io.kontor.devinfra.KafkaAccess;
import io.kontor.local.LocalPlatform;
import io.kontor.platform.kafka.TopicReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What the platform did, as its own records show it: a topic as Kafka holds it, and a consumer's inbox table (the
 * events it applied, each once, with the time it applied them). Tests act through the gateway; this is for judging the
 * outcome, as Jepsen reads its histories. It also plays another service where a test needs a record no service would
 * send.
 */
final class EventEvidence {

    private static final Duration READ_TIMEOUT = Duration.ofMinutes(2);

    private final LocalPlatform platform;

    EventEvidence(LocalPlatform platform) {
        this.platform = platform;
    }

    /** One record of a topic, with its headers as strings. */
    record Record(String topic, int partition, long offset, String key, String value, Map<String, String> headers) {

        String header(String name) {
            return headers.get(name);
        }
    }

    /**
     * Every record of {@code topic} from its beginning to its end at the time of the call, in offset order per
     * partition.
     */
    List<Record> readAll(String topic) {
        Map<String, Object> properties = new HashMap<>(platform.kafka().clientProperties(KafkaAccess.ADMIN));
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        List<Record> records = new ArrayList<>();
        TopicReader.readToEnd(properties, topic, READ_TIMEOUT, record -> {
            Map<String, String> headers = new LinkedHashMap<>();
            for (Header header : record.headers()) {
                headers.put(
                        header.key(),
                        header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
            }
            records.add(new Record(topic, record.partition(), record.offset(), record.key(), record.value(), headers));
        });
        return records;
    }

    /** Sends a record as a service's outbox relay would, e.g. a poison event no real service sends. */
    void send(String topic, String key, String value, Map<String, String> headers) {
        Properties properties = new Properties();
        properties.putAll(platform.kafka().clientProperties(KafkaAccess.ADMIN));
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            headers.forEach(
                    (name, headerValue) -> record.headers().add(name, headerValue.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    /**
     * The events {@code consumer} ({@code <service>/<Handler>.<method>}) has applied, by ce_id, with the time it
     * applied each.
     */
    Map<String, Instant> applied(String database, String consumer) {
        Map<String, Instant> applied = new LinkedHashMap<>();
        String sql = "select event_id, processed_at from inbox where consumer = ? order by processed_at";
        try (Connection connection = DriverManager.getConnection(
                        platform.postgres().jdbcUrl(database),
                        platform.postgres().username(),
                        platform.postgres().password());
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, consumer);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    applied.put(rows.getString(1), rows.getTimestamp(2).toInstant());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the inbox of " + consumer + " in database " + database, e);
        }
        return applied;
    }
}
