package io.kontor.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kontor.systemtests.TraceCollector.Span;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One trace across three processes (issue #22): a customer registered through the gateway is one trace from the
 * gateway's request through sales' request and its outbox relay's send to Kafka, into accounting's inbox. Every
 * application of the platform exports its spans over OTLP/HTTP to {@link TraceCollector}, as to a real collector; the
 * trace travels between them only as W3C {@code traceparent} - an HTTP header from the caller to the gateway and from
 * the gateway to sales, a column of sales' outbox row, a Kafka record header from sales to accounting.
 */
class CrossServiceTraceTest extends SystemTest {

    private static final String GATEWAY = "gateway";
    private static final String SALES = "sales-backoffice-service";
    private static final String ACCOUNTING = "accounting-service";

    private static TraceCollector traces;

    @BeforeAll
    static void collector(TraceCollector collector) {
        traces = collector;
    }

    @Test
    void a_customer_registered_through_the_gateway_is_one_trace_through_sales_its_outbox_kafka_and_accountings_inbox() {
        // The caller traces too (a front-office system with its own tracing): its span is the root of the trace.
        HexFormat hex = HexFormat.of();
        String traceId = hex.formatHex(randomBytes(16));
        String callerSpanId = hex.formatHex(randomBytes(8));
        traces.watch(traceId);

        String customer = asAdmin()
                .header("traceparent", "00-" + traceId + "-" + callerSpanId + "-01")
                .body("""
                        {"name": "Spurensuche GmbH", "type": "BUSINESS", "email": "einkauf@%s.example",
                         "billingAddress": {"street": "Speicherstadt 1", "postalCode": "20457", "city": "Hamburg", "country": "DE"}}
                        """.formatted(UUID.randomUUID().toString().substring(0, 8)))
                .post("/api/v1/sales/customers")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        // Accounting's replica has the customer: its inbox handled sales' event.
        await().atMost(FlowSteps.EVENT_DELIVERY)
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> asAdmin()
                        .get("/api/v1/accounting/customers/" + customer)
                        .then()
                        .statusCode(200));
        // Its span is exported shortly after the handling ended.
        Span consumer = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> inboxSpan(traceId), Optional::isPresent)
                .orElseThrow();
        // The parents are exported no later than their children; wait for the gateway's, the last to end.
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        traces.trace(traceId).stream().anyMatch(s -> s.service().equals(GATEWAY)));

        List<Span> trace = traces.trace(traceId);
        Map<String, Span> byId =
                trace.stream().collect(Collectors.toMap(Span::spanId, Function.identity(), (a, b) -> a));
        String shown = "trace " + traceId + " (" + traces.received() + " spans received in all; not OTLP: "
                + traces.failures() + "):\n  "
                + trace.stream().map(Span::toString).collect(Collectors.joining("\n  "));

        System.out.println("[trace] " + shown);

        // accounting: the inbox's span continues the span of the record it handled, which is sales' send.
        assertThat(consumer.name()).as(shown).isEqualTo("sales.customers process");
        assertThat(consumer.attributes()).containsEntry("messaging.destination.name", "sales.customers");
        Span send = byId.get(consumer.parentSpanId());
        assertThat(send).as("the parent of accounting's span, in " + shown).isNotNull();
        assertThat(send.service()).isEqualTo(SALES);
        assertThat(send.kind()).isEqualTo("PRODUCER");
        assertThat(send.name()).isEqualTo("sales.customers publish");
        assertThat(send.attributes()).containsEntry("messaging.destination.name", "sales.customers");

        // sales: the relay's send continues the request that wrote the outbox row.
        Span salesRequest =
                ancestor(send, byId, s -> s.service().equals(SALES) && s.kind().equals("SERVER"), shown);
        assertThat(salesRequest.name()).as(shown).contains("POST").contains("customers");

        // gateway: sales' request continues the gateway's, which continues the caller's.
        Span hop = byId.get(salesRequest.parentSpanId());
        assertThat(hop).as("the parent of sales' request, in " + shown).isNotNull();
        assertThat(hop.service()).isEqualTo(GATEWAY);
        Span gatewayRequest =
                ancestor(hop, byId, s -> s.service().equals(GATEWAY) && s.kind().equals("SERVER"), shown);
        assertThat(gatewayRequest.parentSpanId()).as(shown).isEqualTo(callerSpanId);

        assertThat(trace).extracting(Span::traceId).containsOnly(traceId);
        assertThat(trace).extracting(Span::service).contains(GATEWAY, SALES, ACCOUNTING);
    }

    /** Accounting's inbox handling the event (the platform's span, beside the Kafka connector's own). */
    private static Optional<Span> inboxSpan(String traceId) {
        return traces.trace(traceId).stream()
                .filter(s -> s.service().equals(ACCOUNTING) && s.kind().equals("CONSUMER"))
                .filter(s -> s.name().equals("sales.customers process"))
                .findFirst();
    }

    /** {@code from} itself or the nearest of its ancestors that {@code wanted} accepts. */
    private static Span ancestor(
            Span from, Map<String, Span> byId, java.util.function.Predicate<Span> wanted, String shown) {
        Span current = from;
        while (current != null && !wanted.test(current)) {
            current = byId.get(current.parentSpanId());
        }
        assertThat(current).as("an ancestor of " + from + " in " + shown).isNotNull();
        return current;
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        ThreadLocalRandom.current().nextBytes(bytes);
        bytes[0] |= 1; // never all zeros, which W3C Trace Context calls invalid
        return bytes;
    }
}
