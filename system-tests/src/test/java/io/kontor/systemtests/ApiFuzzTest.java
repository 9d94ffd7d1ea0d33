package io.kontor.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.kontor.systemtests.ApiDocument.ApiOperation;
import io.kontor.systemtests.BadRequests.Case;
import io.kontor.systemtests.RawGateway.Answer;
import io.kontor.systemtests.RawGateway.Request;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Bad input against every operation of the gateway's OpenAPI document (issue #9, part C), as an admin so that the token
 * is not what refuses it. Passes when no answer is a 5xx, every 4xx is problem details naming the wrong field where
 * there is one, nothing invalid is accepted, and every list of the API counts as many entities afterwards as before.
 *
 * <p>Size: {@code -Dkontor.fuzz.requests=N} (default 10,000: the systematic cases of every operation, then random ones
 * up to N); {@code -Dkontor.fuzz.seed} repeats a run's random cases; {@code -Dkontor.fuzz.parallel} (default 8).
 */
class ApiFuzzTest extends SystemTest {

    private static final int REQUESTS = Integer.getInteger("kontor.fuzz.requests", 10_000);
    private static final long SEED = Long.getLong("kontor.fuzz.seed", 9L);
    private static final int PARALLEL = Integer.getInteger("kontor.fuzz.parallel", 8);
    /** The gateway's kontor.gateway.limits.max-request-body, as the system tests' platform runs it (20M). */
    private static final long GATEWAY_MAX_BODY = Long.getLong("kontor.fuzz.gateway-max-body", 20L * 1024 * 1024);

    record Outcome(Case fuzz, int status, String failure) {}

    @Test
    void bad_input_is_refused_with_problem_details_and_changes_nothing() {
        ApiDocument document = ApiDocument.fetch(platform.gatewayUrl());
        List<ApiOperation> operations = document.operations().stream()
                .filter(operation -> operation.path().startsWith("/api/"))
                // The live event stream never ends; its parameters are checked by the gateway's own tests.
                .filter(operation -> !operation.path().startsWith("/api/v1/events/"))
                .toList();
        String admin = "Bearer " + platform.adminToken();

        BadRequests generator = new BadRequests(new Random(SEED));
        List<Case> cases = new ArrayList<>();
        operations.forEach(operation -> cases.addAll(generator.systematic(operation, admin)));
        int systematic = cases.size();
        List<ApiOperation> spoilable =
                operations.stream().filter(BadRequests::takesInput).toList();
        for (int i = 0; cases.size() < REQUESTS; i++) {
            cases.add(generator.randomCase(spoilable.get(i % spoilable.size()), admin));
        }
        List<Case> oversized = overSizeLimit(operations, admin);

        Map<String, Long> before = stableCounts(operations);
        long started = System.nanoTime();
        List<Outcome> outcomes;
        int rateLimited;
        try (RawGateway gateway = new RawGateway(platform.gatewayUrl(), PARALLEL)) {
            outcomes = new ArrayList<>();
            List<Answer> answers =
                    gateway.sendAll(cases.stream().map(Case::request).toList(), (request, answer) -> answer);
            for (int i = 0; i < cases.size(); i++) {
                outcomes.add(judge(cases.get(i), answers.get(i)));
            }
            for (Case fuzz : oversized) {
                outcomes.add(judge(fuzz, gateway.sendOversized(fuzz.request())));
            }
            rateLimited = gateway.rateLimited();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Long> after = counts(operations);

        printSummary(outcomes, systematic, seconds, rateLimited, before);

        List<String> failures = outcomes.stream()
                .filter(o -> o.failure() != null)
                .map(o -> o.fuzz().operation().name() + " [" + o.fuzz().kind()
                        + (o.fuzz().field() != null ? " " + o.fuzz().field() : "") + "] " + o.status() + ": "
                        + o.failure())
                .distinct()
                .limit(200)
                .toList();
        assertThat(failures)
                .as("answers to bad input that break the rules (seed %d)", SEED)
                .isEmpty();
        assertThat(after)
                .as("entities per list before and after %d bad requests", outcomes.size())
                .isEqualTo(before);
        assertThat(outcomes).hasSizeGreaterThanOrEqualTo(REQUESTS);
    }

    private static Outcome judge(Case fuzz, Answer answer) {
        int status = answer.status();
        String failure = null;
        if (status == RawGateway.NO_ANSWER) {
            failure = "no answer: " + answer.text();
        } else if (status >= 500) {
            failure = "server error " + abbreviate(answer.text());
        } else if (status >= 400) {
            JsonNode problem = answer.json().orElse(null);
            if (!answer.isProblem() || problem == null) {
                failure = "not problem details: " + answer.contentType() + " " + abbreviate(answer.text());
            } else if (!problem.hasNonNull("type")
                    || !problem.hasNonNull("title")
                    || problem.path("status").asInt() != status) {
                failure = "problem without type, title or the status: " + abbreviate(answer.text());
            } else if (status == 400 && fuzz.field() != null && !names(problem, fuzz.field())) {
                failure = "400 does not name " + fuzz.field() + ": " + abbreviate(answer.text());
            }
        } else if (status < 300 && fuzz.mustFail()) {
            failure = "invalid input accepted: "
                    + abbreviate(new String(
                            fuzz.request().body() == null
                                    ? new byte[0]
                                    : fuzz.request().body(),
                            StandardCharsets.UTF_8))
                    + " -> " + abbreviate(answer.text());
        }
        return new Outcome(fuzz, status, failure);
    }

    /** The field in a violation (the platform's JSON path) or, for a query parameter, in the detail. */
    private static boolean names(JsonNode problem, String field) {
        for (JsonNode violation : problem.path("violations")) {
            String named = violation.path("field").asText();
            // A violation of a part names the whole too: "lines[0].sku" is named by "lines[0].sku" or inside "lines".
            if (named.equals(field)
                    || field.startsWith(named + ".")
                    || field.startsWith(named + "[")
                    || named.startsWith(field)) {
                return true;
            }
        }
        return problem.path("detail").asText().contains(field);
    }

    /**
     * Bodies a byte over the gateway's limit, for two operations that take one: 413 before anything reaches a service.
     */
    private static List<Case> overSizeLimit(List<ApiOperation> operations, String admin) {
        List<Case> cases = new ArrayList<>();
        for (ApiOperation operation :
                operations.stream().filter(ApiOperation::hasBody).limit(2).toList()) {
            byte[] body = new byte[(int) GATEWAY_MAX_BODY + 1];
            java.util.Arrays.fill(body, (byte) 'x');
            byte[] prefix = "{\"name\":\"".getBytes(StandardCharsets.UTF_8);
            System.arraycopy(prefix, 0, body, 0, prefix.length);
            body[body.length - 2] = '"';
            body[body.length - 1] = '}';
            cases.add(new Case(
                    operation,
                    "over-size-limit",
                    null,
                    true,
                    new Request(
                            operation.method(),
                            operation
                                    .path()
                                    .replaceAll(
                                            "\\{[^}]+}",
                                            java.util.UUID.randomUUID().toString()),
                            admin,
                            operation.bodyMediaType().orElseThrow(),
                            body)));
        }
        return cases;
    }

    // --- Counting what exists.

    /** Counts once nothing moves any more: an earlier test's events may still be on their way between services. */
    private static Map<String, Long> stableCounts(List<ApiOperation> operations) {
        AtomicReference<Map<String, Long>> last = new AtomicReference<>(Map.of());
        await("entity counts that stay the same")
                .atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(3))
                .until(() -> {
                    Map<String, Long> now = counts(operations);
                    return now.equals(last.getAndSet(now));
                });
        return last.get();
    }

    /** Every list of the API (a GET without path parameters whose answer has a total): its total. */
    private static final String SUPPLIER_INVOICES = "/api/v1/accounting/supplier-invoices";

    private static final Set<String> KEEPS_REJECTED_INTAKE =
            Set.of(SUPPLIER_INVOICES, "/api/v1/processes/audit/entries");

    private static long rejectedSupplierInvoices() {
        Number rejected = asAdmin()
                .queryParam("status", "REJECTED")
                .get(SUPPLIER_INVOICES)
                .jsonPath()
                .get("total");
        return rejected.longValue();
    }

    private static Map<String, Long> counts(List<ApiOperation> operations) {
        Map<String, Long> counts = new TreeMap<>();
        for (ApiOperation operation : operations) {
            if (!operation.method().equals("GET") || operation.path().contains("{")) {
                continue;
            }
            var response = asAdmin().get(operation.path());
            if (response.statusCode() == 200 && response.contentType().startsWith("application/json")) {
                Object total = response.jsonPath().get("total");
                if (total instanceof Number number && KEEPS_REJECTED_INTAKE.contains(operation.path())) {
                    // A received invoice that fails validation is kept, REJECTED with the validator's messages, and
                    // announced as received (issue #26; GoBD: what was received is kept), so the audit trail records
                    // it too: bad input changes nothing beyond that.
                    counts.put(operation.path(), number.longValue() - rejectedSupplierInvoices());
                } else if (total instanceof Number number) {
                    counts.put(operation.path(), number.longValue());
                } else if (response.jsonPath().get("$") instanceof List<?> list) {
                    counts.put(operation.path(), (long) list.size());
                }
            }
        }
        assertThat(counts).as("lists found to count").isNotEmpty();
        return counts;
    }

    // --- The summary.

    private static void printSummary(
            List<Outcome> outcomes, int systematic, double seconds, int rateLimited, Map<String, Long> counts) {
        Map<String, Map<String, Integer>> byOperation = new TreeMap<>();
        Map<String, Map<Integer, Integer>> byKind = new TreeMap<>();
        Map<String, Integer> total = new LinkedHashMap<>();
        for (Outcome outcome : outcomes) {
            String statusClass = outcome.status() / 100 + "xx";
            byOperation
                    .computeIfAbsent(outcome.fuzz().operation().name(), k -> new TreeMap<>())
                    .merge(statusClass, 1, Integer::sum);
            byKind.computeIfAbsent(outcome.fuzz().kind(), k -> new TreeMap<>())
                    .merge(outcome.status(), 1, Integer::sum);
            total.merge(statusClass, 1, Integer::sum);
        }
        StringBuilder out = new StringBuilder("\nAPI fuzzing: requests by operation and status class\n");
        byOperation.forEach((operation, classes) -> out.append(String.format("  %-70s %s%n", operation, classes)));
        out.append("by kind of bad input and status:\n");
        byKind.forEach((kind, statuses) -> out.append(String.format("  %-22s %s%n", kind, statuses)));
        long failed = outcomes.stream().filter(o -> o.failure() != null).count();
        out.append(String.format(
                "%d requests (%d systematic, seed %d) on %d operations in %.1f s (%.0f/s, %d in parallel), "
                        + "%s; %d sent again after 429; %d broke a rule; entities counted in %d lists: %s%n",
                outcomes.size(),
                systematic,
                SEED,
                byOperation.size(),
                seconds,
                outcomes.size() / seconds,
                PARALLEL,
                total,
                rateLimited,
                failed,
                counts.size(),
                counts));
        System.out.println(out);
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
    }
}
