package io.kontor.platform.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Sorts the failure of one outbox row's send into what retrying cannot fix (the row is parked) and what it can (the
 * relay backs off and tries again).
 *
 * <p>Only failures that belong to the record or its topic park it. A broker outage, a cluster-wide authorisation or
 * authentication failure (the service may not write at all, for example no IdempotentWrite) or a closed producer would
 * park every row of the service one by one; they stay transient, keep the relay backing off and show in readiness.
 */
final class SendFailure {

    enum Kind {
        /** The broker or the client refuses this record or its topic, and will again. */
        PERMANENT,
        /**
         * The producer waited in vain for the topic's metadata, or the broker named the topic unknown: either the topic
         * is missing (the broker does not create it) or the broker is away. {@link UnknownTopics} decides.
         */
        TOPIC_MISSING_OR_BROKER_AWAY,
        TRANSIENT
    }

    private SendFailure() {}

    static Kind classify(Throwable failure) {
        Throwable error = unwrap(failure);
        if (error instanceof RecordTooLargeException
                || error instanceof RecordBatchTooLargeException
                || error instanceof InvalidTopicException
                || error instanceof TopicAuthorizationException
                || error instanceof InvalidRecordException
                || error instanceof SerializationException) {
            return Kind.PERMANENT;
        }
        if (error instanceof TimeoutException || error instanceof UnknownTopicOrPartitionException) {
            return Kind.TOPIC_MISSING_OR_BROKER_AWAY;
        }
        return Kind.TRANSIENT;
    }

    /** True when the failure is the topic's (authorisation, name, existence), so it holds for every record on it. */
    static boolean concernsTopic(Throwable failure) {
        Throwable error = unwrap(failure);
        return error instanceof TopicAuthorizationException
                || error instanceof InvalidTopicException
                || classify(error) == Kind.TOPIC_MISSING_OR_BROKER_AWAY;
    }

    /** The failure as one line for the parked row and the log: the Kafka exception, not the future's wrapper. */
    static String describe(Throwable failure) {
        Throwable error = unwrap(failure);
        return error.getClass().getSimpleName() + ": " + error.getMessage();
    }

    static Throwable unwrap(Throwable failure) {
        Throwable error = failure;
        while ((error instanceof ExecutionException || error instanceof CompletionException)
                && error.getCause() != null) {
            error = error.getCause();
        }
        return error;
    }

    /** What the broker said when asked about a topic whose sends timed out. */
    enum TopicState {
        EXISTS,
        /** The broker answered that there is no such topic. */
        UNKNOWN,
        /** The broker refused to describe it (authorisation) or refused its name. */
        REFUSED,
        /** No answer: the broker is away, or too slow. */
        NO_ANSWER
    }

    /**
     * Topics the broker keeps calling unknown. A topic may be created a little after the service that writes to it is
     * deployed, so a row is parked for an unknown topic only once the broker has answered "unknown" on every try for
     * the grace period. A try without an answer starts the period again: a broker that is just restarting may not know
     * its topics yet, and only an unbroken run of answers is evidence.
     */
    static final class UnknownTopics {

        private final Map<String, Instant> unknownSince = new ConcurrentHashMap<>();

        /** Records the broker's answer about {@code topic}; true when a row for it should now be parked. */
        boolean answered(String topic, TopicState state, Instant now, Duration grace) {
            switch (state) {
                case EXISTS -> {
                    unknownSince.remove(topic);
                    return false;
                }
                case REFUSED -> {
                    return true;
                }
                case UNKNOWN -> {
                    Instant since = unknownSince.computeIfAbsent(topic, name -> now);
                    return !now.isBefore(since.plus(grace));
                }
                default -> {
                    unknownSince.remove(topic);
                    return false;
                }
            }
        }

        Instant unknownSince(String topic) {
            return unknownSince.get(topic);
        }

        /** A send to the topic went through: whatever it was, it is not unknown now. */
        void delivered(String topic) {
            unknownSince.remove(topic);
        }
    }
}
