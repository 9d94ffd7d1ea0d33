package io.kontor.devinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerTest {

    @TempDir
    static Path dataDir;

    static KafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        long started = System.nanoTime();
        broker = KafkaBroker.start(dataDir);
        System.out.printf(
                "Kafka broker ready on %s in %d ms%n",
                broker.bootstrapServers(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
        assertThat(broker.isRunning()).isFalse();
    }

    @Test
    void a_service_writes_its_own_topic_and_its_consumer_reads_it_in_its_own_group() throws Exception {
        send(as("accounting-service"), "accounting.invoices", "invoice-1", "issued");

        assertThat(readValues(as("sales-backoffice-service"), "sales-backoffice-service", "accounting.invoices", 1))
                .containsExactly("issued");
    }

    @Test
    void a_service_cannot_forge_another_domains_events() {
        // The threat the ACLs exist for: accounting writing sales.customers as if sales had said it.
        assertThatThrownBy(() -> send(as("accounting-service"), "sales.customers", "customer-1", "forged"))
                .hasCauseInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void a_service_reads_only_the_topics_it_consumes_and_only_in_its_own_group() {
        assertThatThrownBy(() -> readValues(as("hr-service"), "hr-service", "accounting.invoices", 1))
                .isInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> readValues(as("hr-service"), "accounting-service", "projects.projects", 1))
                .isInstanceOf(GroupAuthorizationException.class);
    }

    @Test
    void a_client_without_credentials_or_with_a_wrong_password_is_refused() {
        Map<String, String> anonymous = Map.of("bootstrap.servers", broker.bootstrapServers());
        assertThatThrownBy(() -> send(withTimeouts(anonymous), "sales.customers", "customer-1", "anonymous"))
                .isInstanceOf(Exception.class);

        Map<String, String> wrongPassword = new HashMap<>(as("sales-backoffice-service"));
        wrongPassword.put(
                "sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required"
                        + " username=\"sales-backoffice-service\" password=\"guessed\";");
        assertThatThrownBy(() -> send(wrongPassword, "sales.customers", "customer-1", "guessed"))
                .hasCauseInstanceOf(SaslAuthenticationException.class);
    }

    @Test
    void topics_exist_only_because_the_access_file_names_them() {
        // The cluster creates no topic on demand; a misspelt topic must fail here as it would there.
        assertThatThrownBy(() -> send(withTimeouts(as(KafkaAccess.ADMIN)), "sales.customer", "customer-1", "typo"))
                .isInstanceOf(Exception.class);
    }

    @Test
    void after_a_kill_and_a_restart_the_same_address_serves_earlier_and_new_records() throws Exception {
        String address = broker.bootstrapServers();
        send(as("hr-service"), "hr.employees", "employee-2", "before");

        broker.kill();
        assertThat(broker.isRunning()).isFalse();
        long restarted = System.nanoTime();
        broker.restart();
        System.out.printf(
                "Kafka broker restarted in %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restarted));

        assertThat(broker.isRunning()).isTrue();
        assertThat(broker.bootstrapServers()).isEqualTo(address);
        send(as("hr-service"), "hr.employees", "employee-2", "after");
        assertThat(readValues(as(KafkaAccess.ADMIN), "test-" + UUID.randomUUID(), "hr.employees", 2))
                .containsExactly("before", "after");
    }

    private static Map<String, String> as(String principal) {
        return broker.clientProperties(principal);
    }

    // A refused client otherwise waits the default minute for metadata that never comes.
    private static Map<String, String> withTimeouts(Map<String, String> client) {
        Map<String, String> config = new HashMap<>(client);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "5000");
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "4000");
        return config;
    }

    private static void send(Map<String, String> client, String topic, String key, String value)
            throws ExecutionException, InterruptedException, java.util.concurrent.TimeoutException {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(60, TimeUnit.SECONDS);
        }
    }

    private static List<String> readValues(Map<String, String> client, String group, String topic, int expected) {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
