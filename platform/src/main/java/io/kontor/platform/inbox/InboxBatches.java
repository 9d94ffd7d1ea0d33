package io.kontor.platform.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kontor.platform.events.IncomingEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Applies a whole poll of a service's batch channel (one consumer over several topics) in one transaction, to every
 * handler that names the record's topic in {@link InboxHandled#topics()}:
 *
 * <pre>{@code
 * @Incoming("accounting-events") @Blocking
 * void on(ConsumerRecords<String, String> records) { inbox.apply(records); }
 * }</pre>
 *
 * with {@code mp.messaging.incoming.accounting-events.topics=sales.offers,sales.customers} and {@code batch=true}. A
 * handler class fed this way is annotated {@code @io.quarkus.arc.Unremovable}: nothing injects it and it has no
 * {@code @Incoming}, so Quarkus would otherwise remove the bean at build time.
 *
 * <p>A poll goes in transactions of about {@code kontor.inbox.batch-transaction-budget} (100 ms) of handler time each
 * (see {@link #applyInOneTransaction}). One statement records the inbox rows of a transaction's records (already
 * applied events, and a repeated id within the poll, are skipped), the handlers run in record order (Kafka's order per
 * partition) and one commit ends it. A record that fails rolls the poll's transaction back; the records before it are
 * applied again in one transaction, the failing one alone exactly as an {@code @Incoming} handler's record (its failure
 * in the batch is its first attempt; then retries in their own transactions and, if it still fails, the same dead
 * letter), and the rest as a batch again. A commit that fails (a deferred constraint, the database gone) falls back to
 * one record at a time for the whole poll. Malformed records are parked before the batch starts. The channel is
 * acknowledged when this returns, so a crash replays the poll and the inbox makes that harmless.
 */
@ApplicationScoped
public class InboxBatches {

    private static final Logger LOG = Logger.getLogger(InboxBatches.class);

    private static final Pattern BATCH_TOPICS = Pattern.compile("mp\\.messaging\\.incoming\\.(.+)\\.topics");

    @Inject
    Inbox inbox;

    @Inject
    InboxHandlers handlers;

    @Inject
    ObjectMapper json;

    @Inject
    MeterRegistry meters;

    @Inject
    Config config;

    @Inject
    InboxConfig inboxConfig;

    /**
     * A handler that names a topic no batch channel of the service reads would never be called: the service does not
     * start. (The other way round, a channel reading a topic no handler names, stops that channel at its first record.)
     */
    void checkTopics(@Observes StartupEvent start) {
        Set<String> read = batchChannelTopics(config);
        Map<String, List<String>> unread = new TreeMap<>();
        handlers.batchedTopics().forEach((consumer, topics) -> {
            List<String> missing =
                    topics.stream().filter(topic -> !read.contains(topic)).toList();
            if (!missing.isEmpty()) {
                unread.put(consumer, missing);
            }
        });
        if (!unread.isEmpty()) {
            throw new IllegalStateException("@InboxHandled(topics) names topics no batch channel reads (add them to"
                    + " mp.messaging.incoming.<service>-events.topics, batch=true): " + unread);
        }
    }

    /** The topics of the enabled batch channels ({@code topics=a,b} and {@code batch=true}). */
    static Set<String> batchChannelTopics(Config config) {
        Set<String> topics = new TreeSet<>();
        for (String name : config.getPropertyNames()) {
            Matcher channel = BATCH_TOPICS.matcher(name);
            if (!channel.matches()) {
                continue;
            }
            String prefix = "mp.messaging.incoming." + channel.group(1);
            boolean batch =
                    config.getOptionalValue(prefix + ".batch", Boolean.class).orElse(false);
            boolean enabled =
                    config.getOptionalValue(prefix + ".enabled", Boolean.class).orElse(true);
            if (batch && enabled) {
                for (String topic : config.getValue(name, String.class).split(",")) {
                    topics.add(topic.strip());
                }
            }
        }
        return topics;
    }

    /**
     * Applies one poll; returns normally unless the platform itself is broken (then the channel stops and says why).
     */
    public void apply(ConsumerRecords<String, String> records) {
        // Records per poll: how much one transaction carries (a small figure under load means the consumer keeps up).
        meters.summary("kontor.inbox.batch.records").record(records.count());
        List<Delivery> deliveries = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            IncomingEvent event = IncomingEvent.of(record, json);
            List<InboxHandlers.Batched> forTopic = handlers.batchedHandlersOf(record.topic());
            if (forTopic.isEmpty()) {
                // Acknowledging it would lose it: the channel stops instead (liveness shows it) until the code is
                // fixed.
                throw new IllegalStateException(event + ": the channel reads topic " + record.topic()
                        + " but no @InboxHandled(topics) method names it (a handler class without @Unremovable is"
                        + " removed by Quarkus, since no @Incoming uses it)");
            }
            for (InboxHandlers.Batched handler : forTopic) {
                Delivery delivery = new Delivery(event, handler);
                if (event.malformation() != null) {
                    alone(delivery, null); // parked at once, as an @Incoming handler parks it
                } else {
                    deliveries.add(delivery);
                }
            }
        }
        applyInOneTransaction(deliveries);
    }

    /**
     * Cuts the poll into transactions of about {@code kontor.inbox.batch-transaction-budget} (100 ms) of handler time
     * each, by what a delivery to the same consumer took so far. A poll of 500 accepted offers, each issuing an invoice
     * with its frozen documents (tens of milliseconds of CPU), ran minutes in one transaction on a loaded machine: the
     * transaction timeout aborted it, the records stayed unacknowledged past the channel's limit and the consumer
     * stopped (#23, benchmarks section 2); and nothing of a poll is readable before its commit, so the transaction's
     * length is also the latency of its first event. Cheap events (a customer's replica) still go hundreds to a
     * transaction.
     */
    private void applyInOneTransaction(List<Delivery> deliveries) {
        long budget = inboxConfig.batchTransactionBudget().toNanos();
        // Until a consumer's first delivery is measured: ten to a transaction.
        long unknown = budget / 10;
        int from = 0;
        while (from < deliveries.size()) {
            int to = from;
            long expected = 0;
            while (to < deliveries.size() && (to == from || expected < budget)) {
                expected += nanosPerDelivery.getOrDefault(deliveries.get(to).consumer(), unknown);
                to++;
            }
            applyInOneTransactionUncut(deliveries.subList(from, to));
            from = to;
        }
    }

    // What a delivery to each consumer took (moving average of the wall time of its handler in a batch).
    private final Map<String, Long> nanosPerDelivery = new ConcurrentHashMap<>();

    private void measured(Delivery delivery, long nanos) {
        nanosPerDelivery.merge(delivery.consumer(), nanos, (average, latest) -> (average * 3 + latest) / 4);
    }

    private void applyInOneTransactionUncut(List<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                Set<Inbox.Entry> fresh = inbox.firstDeliveries(
                        deliveries.stream().map(Delivery::entry).toList());
                for (int i = 0; i < deliveries.size(); i++) {
                    Delivery delivery = deliveries.get(i);
                    if (!fresh.remove(delivery.entry())) {
                        LOG.debugf("%s already applied by %s, skipped", delivery.event(), delivery.consumer());
                        continue;
                    }
                    try {
                        long began = System.nanoTime();
                        invoke(delivery, new InboxMode.InBatch());
                        measured(delivery, System.nanoTime() - began);
                    } catch (Exception e) {
                        throw new FailedInBatch(i, e);
                    }
                }
            });
        } catch (RuntimeException e) {
            if (Stopping.now()) {
                // Nothing of it is committed; the consumer that takes over the partitions applies it.
                throw new Stopping.Interrupted(deliveries.size() + " deliveries", "the batch", e);
            }
            FailedInBatch failed = failedInBatch(e);
            if (failed == null) {
                LOG.warnf(
                        "a batch of %d deliveries could not commit (%s); applying them one at a time",
                        deliveries.size(), e);
                for (Delivery delivery : deliveries) {
                    alone(delivery, null);
                }
                return;
            }
            Delivery failing = deliveries.get(failed.index);
            LOG.warnf(
                    "%s failed in %s within its batch (attempt 1): %s; it is retried alone",
                    failing.event(), failing.consumer(), failed.getCause());
            applyInOneTransaction(deliveries.subList(0, failed.index));
            alone(failing, failed.getCause());
            applyInOneTransaction(deliveries.subList(failed.index + 1, deliveries.size()));
        }
    }

    /**
     * The record as an {@code @Incoming} handler gets it: own transactions, retries, dead letter (all in the
     * interceptor).
     */
    private void alone(Delivery delivery, Throwable failureInBatch) {
        InboxMode mode = failureInBatch == null
                ? null
                : new InboxMode.Alone(
                        1, failureInBatch instanceof Exception e ? e : new RuntimeException(failureInBatch));
        try {
            invoke(delivery, mode);
        } catch (Stopping.Interrupted e) {
            throw e;
        } catch (Exception e) {
            // The interceptor parks what fails; anything thrown past it is a fault of the platform, not of the record.
            throw new IllegalStateException(
                    "handing " + delivery.event() + " to " + delivery.consumer() + " failed", e);
        }
    }

    private static void invoke(Delivery delivery, InboxMode mode) throws Exception {
        if (mode == null) {
            InboxMode.CURRENT.remove();
        } else {
            InboxMode.CURRENT.set(mode);
        }
        try {
            delivery.handler().method().invoke(delivery.handler().instance(), delivery.event());
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            InboxMode.CURRENT.remove();
        }
    }

    private static FailedInBatch failedInBatch(Throwable e) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof FailedInBatch failed) {
                return failed;
            }
        }
        return null;
    }

    private record Delivery(IncomingEvent event, InboxHandlers.Batched handler) {
        String consumer() {
            return handler.consumer();
        }

        Inbox.Entry entry() {
            return new Inbox.Entry(handler.consumer(), event.id());
        }
    }

    private static final class FailedInBatch extends RuntimeException {
        final int index;

        FailedInBatch(int index, Exception cause) {
            super(cause);
            this.index = index;
        }
    }
}
