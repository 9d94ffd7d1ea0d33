package io.kontor.systemtests;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

/**
 * A trace collector for the system tests: an OTLP/HTTP receiver ({@code POST /v1/traces}, protobuf, as the
 * OpenTelemetry Collector's {@code otlphttp} receiver) to which every application of the test platform exports its
 * spans, the way a cluster's applications export to the collector an operator names. It keeps the spans of the traces a
 * test asked it to {@link #watch} (the whole run's spans would only fill the heap) and counts the others.
 */
final class TraceCollector implements AutoCloseable {

    /** One received span; ids in lower-case hex as in a {@code traceparent}, the parent empty for a root span. */
    record Span(
            String service,
            String traceId,
            String spanId,
            String parentSpanId,
            String name,
            String kind,
            Map<String, String> attributes) {

        @Override
        public String toString() {
            return service + " " + kind + " '" + name + "' " + spanId + " <- " + parentSpanId;
        }
    }

    private static final HexFormat HEX = HexFormat.of();

    private final HttpServer server;
    private final Set<String> watched = ConcurrentHashMap.newKeySet();
    private final Queue<Span> spans = new ConcurrentLinkedQueue<>();
    private final AtomicLong received = new AtomicLong();
    private final List<String> failures = new CopyOnWriteArrayList<>();

    private TraceCollector(HttpServer server) {
        this.server = server;
    }

    static TraceCollector start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            TraceCollector collector = new TraceCollector(server);
            server.createContext("/v1/traces", collector::receive);
            // Anything else is not OTLP/HTTP traces: noted, so that a test that sees no spans can say why.
            server.createContext("/", exchange -> {
                try (exchange) {
                    collector.failures.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
                    exchange.sendResponseHeaders(404, -1);
                }
            });
            server.setExecutor(Executors.newFixedThreadPool(2, runnable -> {
                Thread thread = new Thread(runnable, "trace-collector");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return collector;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the trace collector", e);
        }
    }

    /**
     * The settings that make an application export its spans here, as an operator's {@code QUARKUS_OTEL_*} variables do
     * in the cluster (deploy/README.md, "Traces").
     */
    Map<String, String> exportSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("quarkus.otel.sdk.disabled", "false");
        settings.put("quarkus.otel.exporter.otlp.traces.protocol", "http/protobuf");
        settings.put("quarkus.otel.exporter.otlp.traces.endpoint", endpoint());
        // Spans leave within a fraction of a second rather than the default 5 s.
        settings.put("quarkus.otel.bsp.schedule.delay", "200ms");
        return settings;
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Keeps the spans of {@code traceId} from now on (a W3C trace id, 32 lower-case hex digits). */
    void watch(String traceId) {
        watched.add(traceId);
    }

    /** Spans received from all applications since the start, watched or not. */
    long received() {
        return received.get();
    }

    /** Every span of the watched {@code traceId} received so far. */
    List<Span> trace(String traceId) {
        return spans.stream().filter(s -> s.traceId().equals(traceId)).toList();
    }

    /** Requests that were not OTLP protobuf, so that a test can say why it saw nothing. */
    List<String> failures() {
        return List.copyOf(failures);
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            if (type == null || !type.startsWith("application/x-protobuf")) {
                failures.add("Content-Type " + type + " on " + exchange.getRequestURI());
                exchange.sendResponseHeaders(415, -1);
                return;
            }
            ExportTraceServiceRequest request;
            try (InputStream body =
                    "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                            ? new GZIPInputStream(exchange.getRequestBody())
                            : exchange.getRequestBody()) {
                request = ExportTraceServiceRequest.parseFrom(body);
            } catch (IOException e) {
                failures.add("unreadable export: " + e);
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
                String service = attribute(resourceSpans.getResource(), "service.name");
                for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
                    for (io.opentelemetry.proto.trace.v1.Span span : scopeSpans.getSpansList()) {
                        received.incrementAndGet();
                        String traceId = HEX.formatHex(span.getTraceId().toByteArray());
                        if (!watched.contains(traceId)) {
                            continue;
                        }
                        spans.add(new Span(
                                service,
                                traceId,
                                HEX.formatHex(span.getSpanId().toByteArray()),
                                HEX.formatHex(span.getParentSpanId().toByteArray()),
                                span.getName(),
                                span.getKind().name().replace("SPAN_KIND_", ""),
                                attributes(span.getAttributesList())));
                    }
                }
            }
            byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        }
    }

    private static String attribute(Resource resource, String key) {
        return attributes(resource.getAttributesList()).getOrDefault(key, "");
    }

    private static Map<String, String> attributes(List<KeyValue> keyValues) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (KeyValue keyValue : keyValues) {
            attributes.put(keyValue.getKey(), text(keyValue.getValue()));
        }
        return attributes;
    }

    private static String text(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case INT_VALUE -> Long.toString(value.getIntValue());
            case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
            case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
            default -> value.toString();
        };
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
