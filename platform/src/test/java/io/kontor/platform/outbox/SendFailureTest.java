package io.kontor.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.kontor.platform.outbox.SendFailure.Kind;
import io.kontor.platform.outbox.SendFailure.TopicState;
import io.kontor.platform.outbox.SendFailure.UnknownTopics;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.Test;

class SendFailureTest {

    private static final Duration GRACE = Duration.ofMinutes(2);
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void what_the_record_or_its_topic_causes_is_permanent_even_inside_the_futures_wrapper() {
        assertThat(SendFailure.classify(new ExecutionException(new RecordTooLargeException("1 MB"))))
                .isEqualTo(Kind.PERMANENT);
        assertThat(SendFailure.classify(new TopicAuthorizationException("no WRITE on sales.offers")))
                .isEqualTo(Kind.PERMANENT);
        assertThat(SendFailure.classify(new InvalidTopicException("bad name"))).isEqualTo(Kind.PERMANENT);
        assertThat(SendFailure.classify(new InvalidRecordException("compacted topic needs a key")))
                .isEqualTo(Kind.PERMANENT);
        assertThat(SendFailure.classify(new SerializationException("cannot serialise")))
                .isEqualTo(Kind.PERMANENT);
    }

    @Test
    void what_the_service_or_the_broker_causes_is_retried_not_parked_row_by_row() {
        assertThat(SendFailure.classify(new ClusterAuthorizationException("no IdempotentWrite")))
                .isEqualTo(Kind.TRANSIENT);
        assertThat(SendFailure.classify(new SaslAuthenticationException("bad password")))
                .isEqualTo(Kind.TRANSIENT);
        assertThat(SendFailure.classify(new ExecutionException(new NetworkException("disconnected"))))
                .isEqualTo(Kind.TRANSIENT);
        assertThat(SendFailure.classify(new NotEnoughReplicasException("min.insync.replicas")))
                .isEqualTo(Kind.TRANSIENT);
        assertThat(SendFailure.classify(new KafkaException("Producer is closed forcefully.")))
                .isEqualTo(Kind.TRANSIENT);
        assertThat(SendFailure.classify(new IllegalStateException("Cannot perform operation after producer closed")))
                .isEqualTo(Kind.TRANSIENT);
    }

    @Test
    void a_metadata_timeout_or_an_unknown_topic_needs_the_brokers_word() {
        assertThat(SendFailure.classify(
                        new TimeoutException("Topic sales.ofers not present in metadata after 3000 ms.")))
                .isEqualTo(Kind.TOPIC_MISSING_OR_BROKER_AWAY);
        assertThat(SendFailure.classify(new ExecutionException(new UnknownTopicOrPartitionException("gone"))))
                .isEqualTo(Kind.TOPIC_MISSING_OR_BROKER_AWAY);
    }

    @Test
    void a_topic_the_broker_calls_unknown_parks_its_rows_only_after_the_grace_period() {
        UnknownTopics topics = new UnknownTopics();

        assertThat(topics.answered("sales.ofers", TopicState.UNKNOWN, T0, GRACE))
                .isFalse();
        assertThat(topics.answered("sales.ofers", TopicState.UNKNOWN, T0.plusSeconds(119), GRACE))
                .isFalse();
        assertThat(topics.answered("sales.ofers", TopicState.UNKNOWN, T0.plusSeconds(120), GRACE))
                .isTrue();
        assertThat(topics.unknownSince("sales.ofers")).isEqualTo(T0);
    }

    @Test
    void no_answer_from_the_broker_does_not_park_and_starts_the_period_again() {
        UnknownTopics topics = new UnknownTopics();

        topics.answered("sales.ofers", TopicState.UNKNOWN, T0, GRACE);
        assertThat(topics.answered("sales.ofers", TopicState.NO_ANSWER, T0.plusSeconds(300), GRACE))
                .isFalse();
        assertThat(topics.answered("sales.ofers", TopicState.UNKNOWN, T0.plusSeconds(301), GRACE))
                .isFalse();
        assertThat(topics.answered("sales.ofers", TopicState.UNKNOWN, T0.plusSeconds(421), GRACE))
                .isTrue();
    }

    @Test
    void a_topic_that_appears_or_takes_a_record_starts_the_period_again() {
        UnknownTopics topics = new UnknownTopics();

        topics.answered("sales.new", TopicState.UNKNOWN, T0, GRACE);
        assertThat(topics.answered("sales.new", TopicState.EXISTS, T0.plusSeconds(60), GRACE))
                .isFalse();
        assertThat(topics.answered("sales.new", TopicState.UNKNOWN, T0.plusSeconds(180), GRACE))
                .isFalse();
        topics.delivered("sales.new");
        assertThat(topics.unknownSince("sales.new")).isNull();
        assertThat(topics.answered("sales.new", TopicState.UNKNOWN, T0.plusSeconds(400), GRACE))
                .isFalse();
    }

    @Test
    void a_topic_the_broker_refuses_to_describe_parks_at_once() {
        assertThat(new UnknownTopics().answered("sales.secret", TopicState.REFUSED, T0, GRACE))
                .isTrue();
    }

    @Test
    void topic_wide_refusals_hold_for_every_record_on_the_topic_a_too_large_record_only_for_itself() {
        assertThat(SendFailure.concernsTopic(new TopicAuthorizationException("no WRITE")))
                .isTrue();
        assertThat(SendFailure.concernsTopic(new TimeoutException("not present in metadata")))
                .isTrue();
        assertThat(SendFailure.concernsTopic(new RecordTooLargeException("1 MB")))
                .isFalse();
    }
}
