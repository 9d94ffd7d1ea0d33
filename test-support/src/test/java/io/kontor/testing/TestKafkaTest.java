package io.kontor.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class TestKafkaTest {

    @Test
    void a_sent_record_arrives_with_its_headers() {
        TestKafka.send("test-kafka.headers", "offer-1", "{\"total\":42}", Map.of("ce_type", "offer-accepted.v1"));

        List<ConsumerRecord<String, String>> records =
                TestKafka.awaitRecords("test-kafka.headers", 1, Duration.ofSeconds(30));

        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("offer-1");
            assertThat(record.value()).isEqualTo("{\"total\":42}");
            assertThat(TestKafka.header(record, "ce_type")).isEqualTo("offer-accepted.v1");
            assertThat(TestKafka.header(record, "missing")).isNull();
        });
    }

    @Test
    void read_all_returns_every_record_including_raw_bytes() {
        TestKafka.send("test-kafka.all", "a", "first");
        TestKafka.sendRaw("test-kafka.all", "a", new byte[] {(byte) 0xC3, 0x28}, Map.of());
        TestKafka.send("test-kafka.all", "a", null, Map.of());

        List<ConsumerRecord<String, String>> records = TestKafka.readAll("test-kafka.all", Duration.ofSeconds(1));

        assertThat(records).hasSize(3);
        assertThat(records.get(0).value()).isEqualTo("first");
        assertThat(records.get(1).value())
                .isEqualTo(new String(new byte[] {(byte) 0xC3, 0x28}, StandardCharsets.UTF_8));
        assertThat(records.get(2).value()).isNull();
    }

    @Test
    void waiting_for_records_that_never_come_fails_with_what_was_there() {
        TestKafka.send("test-kafka.too-few", "k", "only one");

        assertThatThrownBy(() -> TestKafka.awaitRecords("test-kafka.too-few", 2, Duration.ofSeconds(5)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected at least 2 records on test-kafka.too-few")
                .hasMessageContaining("only one");
    }
}
