package io.kontor.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kontor.local.AppProcess;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

/**
 * No loss under faults, the method of Jepsen's Kafka analysis: a numbered workload, faults in the middle, then count.
 *
 * <p>Workload: {@code faults.customers} customers (the aggregates) are registered in sales and then updated again and
 * again through the gateway; operation n is customer {@code n % customers}'s update number {@code n / customers} and
 * writes the name {@code "faults <run> c<customer> op<n>"}. Each operation publishes a {@code sales.customers} event
 * through sales' outbox, which accounting applies to its customer replica through its inbox. While the load runs, Kafka
 * is killed with -9 and restarted, then sales, then accounting.
 *
 * <p>An operation is <b>committed</b> when the gateway answered 200/201. An operation whose call broke off or answered
 * 5xx is <b>indeterminate</b> (Jepsen's "info"): sales may have committed it before it died, or not; it is not retried
 * (a second PUT would be a second operation), and it may be applied downstream at most once. A 429 was refused before
 * sales saw it and is sent again. Registrations carry an {@code Idempotency-Key} and are repeated until they succeed.
 *
 * <p>Judged from the records themselves: the {@code sales.customers} topic (which event, ce_id, carries which
 * operation) and accounting's inbox (which ce_ids the replica handler applied, when). Lost: a committed operation with
 * no applied event. Duplicated: an operation applied under more than one event. Reordered: one customer's operations
 * applied, or written to the topic, out of their order. Stale: a replica whose final state is not its latest applied
 * operation.
 *
 * <p>Size: {@code -Dfaults.operations} (900 for CI: the load must outlast a restart that waits for its consumer group,
 * 10000 for the full run), {@code -Dfaults.rate} operations per second (the gateway allows 50/s per caller),
 * {@code -Dfaults.customers}, {@code -Dfaults.workers}.
 */
class NoLossUnderFaultsTest extends SystemTest {

    private static final int OPERATIONS = Integer.getInteger("faults.operations", 900);
    private static final int CUSTOMERS =
            Integer.getInteger("faults.customers", Math.max(10, Math.min(100, OPERATIONS / 20)));
    private static final int WORKERS = Integer.getInteger("faults.workers", 8);
    private static final double RATE = Double.parseDouble(System.getProperty("faults.rate", "15"));
    private static final String CONSUMER = "accounting-service/CustomerReplicaHandler.on";
    private static final String TOPIC = "sales.customers";
    // A service restart on a shared 2-core machine under load can take minutes; these only bound a hang.
    private static final Duration OUTAGE_LIMIT = Duration.ofMinutes(6);
    private static final Duration QUIESCE_LIMIT = Duration.ofMinutes(10);
    private static final Pattern OPERATION_IN_NAME = Pattern.compile(" c(\\d+) op(\\d+)$");

    enum Outcome {
        COMMITTED,
        INDETERMINATE,
        REJECTED
    }

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final Outcome[] outcomes = new Outcome[OPERATIONS];
    private final String[] customerIds = new String[CUSTOMERS];
    private final AtomicInteger done = new AtomicInteger();
    private final List<String> timeline = new CopyOnWriteArrayList<>();
    private volatile long loadStart;

    @Test
    void every_committed_operation_is_applied_downstream_once_and_in_order_through_crashes_of_kafka_and_both_services()
            throws Exception {
        assertThat(OPERATIONS).as("at least one update per customer").isGreaterThan(CUSTOMERS);
        long start = System.nanoTime();
        for (int customer = 0; customer < CUSTOMERS; customer++) {
            register(customer);
        }
        loadStart = System.nanoTime();
        ExecutorService threads = Executors.newFixedThreadPool(WORKERS + 1);
        try {
            Future<?> nemesis = threads.submit(this::nemesis);
            List<Future<?>> workers = new ArrayList<>();
            for (int worker = 0; worker < WORKERS; worker++) {
                int own = worker;
                workers.add(threads.submit(() -> work(own)));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
            note("load finished");
            nemesis.get();
        } finally {
            threads.shutdownNow();
        }

        Map<Integer, Integer> lastCommitted = lastCommittedSequences();
        try {
            await("accounting's replica of every customer at its last committed update")
                    .atMost(QUIESCE_LIMIT)
                    .pollInterval(Duration.ofSeconds(3))
                    .until(() -> replicasCaughtUp(lastCommitted));
            // An indeterminate operation at a customer's end may still be on its way; judge only a platform at rest.
            await("every event of the run on " + TOPIC + " applied by accounting")
                    .atMost(QUIESCE_LIMIT)
                    .pollInterval(Duration.ofSeconds(5))
                    .until(this::everyEventApplied);
            note("downstream caught up");
        } catch (ConditionTimeoutException e) {
            // Count anyway: what never arrived shows up as lost.
            note("downstream did NOT catch up within " + QUIESCE_LIMIT.toMinutes() + " min");
        }

        Analysis analysis = analyse(lastCommitted);
        String line = String.format(
                Locale.ROOT,
                "ops=%d committed=%d indeterminate=%d (applied %d) rejected=%d lost=%d duplicated=%d reordered=%d "
                        + "(topic %d, consumer %d) stale=%d resent=%d customers=%d rate=%.0f/s duration=%ds",
                OPERATIONS,
                count(Outcome.COMMITTED),
                count(Outcome.INDETERMINATE),
                analysis.indeterminateApplied,
                count(Outcome.REJECTED),
                analysis.lost,
                analysis.duplicated,
                analysis.topicReordered + analysis.consumerReordered,
                analysis.topicReordered,
                analysis.consumerReordered,
                analysis.stale,
                analysis.resent,
                CUSTOMERS,
                RATE,
                Duration.ofNanos(System.nanoTime() - start).toSeconds());
        System.out.println("[faults] " + line);
        timeline.forEach(entry -> System.out.println("[faults]   " + entry));
        analysis.problems.stream().limit(20).forEach(problem -> System.out.println("[faults]   " + problem));

        assertThat(timeline)
                .as("every fault struck while the load ran")
                .noneMatch(entry -> entry.contains("AFTER the load"));
        assertThat(count(Outcome.COMMITTED)).as("committed operations").isPositive();
        assertThat(analysis.problems).as(line).isEmpty();
        assertThat(count(Outcome.REJECTED))
                .as("operations refused with a 4xx: " + line)
                .isZero();
    }

    // --- the workload

    private void register(int customer) {
        String key = "faults-" + run + "-c" + customer;
        awaitTrue("registration of customer " + customer, () -> {
            HttpResponse<String> answer = call(request("/api/v1/sales/customers")
                    .header("Idempotency-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString(body(customer, customer))));
            if (answer != null && answer.statusCode() == 201) {
                customerIds[customer] = JsonPath.from(answer.body()).getString("id");
                return true;
            }
            return false;
        });
        outcomes[customer] = Outcome.COMMITTED;
        done.incrementAndGet();
    }

    private void work(int worker) {
        for (int operation = CUSTOMERS; operation < OPERATIONS; operation++) {
            int customer = operation % CUSTOMERS;
            if (customer % WORKERS != worker) {
                continue;
            }
            pace(operation);
            outcomes[operation] = update(customer, operation);
            done.incrementAndGet();
        }
    }

    /**
     * Open-ish arrival: operation n is not sent before its time at the chosen rate; a worker that fell behind catches
     * up.
     */
    private void pace(int operation) {
        long due = loadStart + (long) ((operation - CUSTOMERS) * 1_000_000_000L / RATE);
        long wait = due - System.nanoTime();
        if (wait > 0) {
            sleep(Duration.ofNanos(wait));
        }
    }

    private Outcome update(int customer, int operation) {
        while (true) {
            HttpResponse<String> answer = call(request("/api/v1/sales/customers/" + customerIds[customer])
                    .PUT(HttpRequest.BodyPublishers.ofString(body(customer, operation))));
            if (answer != null && answer.statusCode() == 200) {
                return Outcome.COMMITTED;
            }
            if (answer != null && answer.statusCode() == 429) {
                // The gateway's rate limit refused it before sales saw it: the same operation again, a moment later.
                sleep(Duration.ofMillis(500));
                continue;
            }
            if (answer != null && answer.statusCode() < 500) {
                timeline.add("operation " + operation + " refused: " + answer.statusCode() + " " + answer.body());
                return Outcome.REJECTED;
            }
            // Broken off or 5xx: sales may have committed it. Wait until sales answers again before the next operation,
            // so that an outage costs each worker one operation rather than a stream of failed ones.
            awaitTrue("sales answering again after operation " + operation, () -> {
                HttpResponse<String> probe = call(request("/api/v1/sales/customers/" + customerIds[customer])
                        .GET());
                return probe != null && probe.statusCode() == 200;
            });
            return Outcome.INDETERMINATE;
        }
    }

    private String name(int customer, int operation) {
        return "faults " + run + " c" + customer + " op" + operation;
    }

    private String body(int customer, int operation) {
        return """
                {"name": "%s", "type": "BUSINESS", "email": "c%d.%s@faults.example.org",
                 "billingAddress": {"street": "Am Sandtorkai %d", "postalCode": "20457", "city": "Hamburg", "country": "DE"}}
                """.formatted(name(customer, operation), customer, run, operation);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + platform.adminToken())
                .header("Content-Type", "application/json");
    }

    /** The answer, or null when the call broke off (connection refused or reset, timeout). */
    private HttpResponse<String> call(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    // --- the faults

    private void nemesis() {
        AppProcess sales = platform.process("sales");
        AppProcess accounting = platform.process("accounting");
        awaitProgress(0.20);
        strike("kill -9 Kafka", () -> platform.kafka().kill());
        awaitProgress(0.35);
        strike("Kafka restarted", () -> platform.kafka().restart());
        awaitProgress(0.45);
        strike("kill -9 sales", sales::kill);
        strike("sales restarted", sales::restart);
        awaitProgress(0.70);
        strike("kill -9 accounting", accounting::kill);
        strike("accounting restarted", accounting::restart);
    }

    private void awaitProgress(double fraction) {
        awaitTrue(
                String.format(Locale.ROOT, "%.0f %% of the operations", fraction * 100),
                () -> done.get() >= fraction * OPERATIONS);
    }

    private void strike(String fault, Runnable action) {
        int before = done.get();
        action.run();
        note(fault + (before >= OPERATIONS ? " AFTER the load" : "") + " (begun after operation " + before + ")");
    }

    private void note(String event) {
        timeline.add(String.format(
                Locale.ROOT,
                "%6.1f s %s, %d operations done",
                (System.nanoTime() - loadStart) / 1e9,
                event,
                done.get()));
    }

    // --- the check

    private int count(Outcome outcome) {
        int count = 0;
        for (Outcome each : outcomes) {
            if (each == outcome) {
                count++;
            }
        }
        return count;
    }

    /** Per customer, the sequence number of its last committed operation (registration is 0). */
    private Map<Integer, Integer> lastCommittedSequences() {
        Map<Integer, Integer> last = new HashMap<>();
        for (int operation = 0; operation < OPERATIONS; operation++) {
            if (outcomes[operation] == Outcome.COMMITTED) {
                last.merge(operation % CUSTOMERS, operation / CUSTOMERS, Math::max);
            }
        }
        return last;
    }

    private boolean replicasCaughtUp(Map<Integer, Integer> lastCommitted) {
        for (int customer = 0; customer < CUSTOMERS; customer++) {
            HttpResponse<String> replica = call(request("/api/v1/accounting/customers/" + customerIds[customer])
                    .GET());
            if (replica == null || replica.statusCode() != 200) {
                return false;
            }
            int operation = operationIn(JsonPath.from(replica.body()).getString("name"));
            if (operation / CUSTOMERS < lastCommitted.get(customer)) {
                return false;
            }
        }
        return true;
    }

    private boolean everyEventApplied() {
        String marker = "faults " + run + " ";
        Set<String> applied =
                new EventEvidence(platform).applied("accounting", CONSUMER).keySet();
        return new EventEvidence(platform)
                .readAll(TOPIC).stream()
                        .filter(record ->
                                record.value() != null && record.value().contains(marker))
                        .allMatch(record -> applied.contains(record.header("ce_id")));
    }

    private static int operationIn(String name) {
        Matcher matcher = OPERATION_IN_NAME.matcher(name == null ? "" : name);
        return matcher.find() ? Integer.parseInt(matcher.group(2)) : -1;
    }

    private static final class Analysis {
        int lost;
        int duplicated;
        int indeterminateApplied;
        int topicReordered;
        int consumerReordered;
        int stale;
        int resent;
        final List<String> problems = new ArrayList<>();
    }

    private Analysis analyse(Map<Integer, Integer> lastCommitted) {
        Analysis analysis = new Analysis();
        String marker = "faults " + run + " ";
        // Which event carries which operation, and the topic's order per customer (one key, one partition).
        Map<Integer, Set<String>> eventsOfOperation = new HashMap<>();
        Map<String, Integer> operationOfEvent = new HashMap<>();
        Map<String, Integer> copies = new HashMap<>();
        Map<String, Integer> highestOnTopic = new HashMap<>();
        for (EventEvidence.Record record : new EventEvidence(platform).readAll(TOPIC)) {
            if (record.value() == null || !record.value().contains(marker)) {
                continue;
            }
            String eventId = record.header("ce_id");
            int operation = operationIn(JsonPath.from(record.value()).getString("name"));
            eventsOfOperation.computeIfAbsent(operation, key -> new HashSet<>()).add(eventId);
            operationOfEvent.put(eventId, operation);
            if (copies.merge(eventId, 1, Integer::sum) > 1) {
                analysis.resent++;
                continue;
            }
            Integer highest = highestOnTopic.get(record.key());
            if (highest != null && operation < highest) {
                analysis.topicReordered++;
                analysis.problems.add("on the topic, operation " + operation + " follows operation " + highest);
            }
            highestOnTopic.merge(record.key(), operation, Math::max);
        }

        Map<String, Instant> applied = new EventEvidence(platform).applied("accounting", CONSUMER);
        for (int operation = 0; operation < OPERATIONS; operation++) {
            long times = eventsOfOperation.getOrDefault(operation, Set.of()).stream()
                    .filter(applied::containsKey)
                    .count();
            if (times > 1) {
                analysis.duplicated++;
                analysis.problems.add(
                        "operation " + operation + " (" + outcomes[operation] + ") applied " + times + " times");
            }
            if (outcomes[operation] == Outcome.COMMITTED && times == 0) {
                analysis.lost++;
                analysis.problems.add("operation " + operation + " committed but never applied"
                        + (eventsOfOperation.containsKey(operation) ? "" : " (not on the topic either)"));
            }
            if (outcomes[operation] == Outcome.INDETERMINATE && times > 0) {
                analysis.indeterminateApplied++;
            }
            if (outcomes[operation] == Outcome.REJECTED && times > 0) {
                analysis.problems.add("operation " + operation + " was refused but applied");
            }
        }

        // The consumer's order: per customer, the operations in the order accounting applied their events.
        Map<Integer, List<Map.Entry<String, Instant>>> appliedPerCustomer = new HashMap<>();
        applied.entrySet().stream()
                .filter(entry -> operationOfEvent.containsKey(entry.getKey()))
                .forEach(entry -> appliedPerCustomer
                        .computeIfAbsent(operationOfEvent.get(entry.getKey()) % CUSTOMERS, key -> new ArrayList<>())
                        .add(entry));
        for (int customer = 0; customer < CUSTOMERS; customer++) {
            List<Map.Entry<String, Instant>> inOrder = appliedPerCustomer.getOrDefault(customer, new ArrayList<>());
            inOrder.sort(Map.Entry.comparingByValue(Comparator.naturalOrder()));
            int highest = -1;
            for (Map.Entry<String, Instant> entry : inOrder) {
                int operation = operationOfEvent.get(entry.getKey());
                if (operation < highest) {
                    analysis.consumerReordered++;
                    analysis.problems.add("accounting applied operation " + operation + " after operation " + highest);
                }
                highest = Math.max(highest, operation);
            }
            HttpResponse<String> replica = call(request("/api/v1/accounting/customers/" + customerIds[customer])
                    .GET());
            int shown = replica == null || replica.statusCode() != 200
                    ? -1
                    : operationIn(JsonPath.from(replica.body()).getString("name"));
            if (shown != highest || highest / CUSTOMERS < lastCommitted.get(customer)) {
                analysis.stale++;
                analysis.problems.add("customer " + customer + ": replica shows operation " + shown + ", last applied "
                        + highest + ", last committed update " + lastCommitted.get(customer));
            }
        }
        return analysis;
    }

    // --- waiting

    private static void awaitTrue(String what, BooleanSupplier condition) {
        await(what)
                .atMost(OUTAGE_LIMIT)
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(250))
                .until(condition::getAsBoolean);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
