package io.kontor.platform.tracing;

import io.kontor.platform.events.IncomingEvent;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Carries a trace across Kafka through the outbox and the inbox (W3C Trace Context): the outbox stores the
 * {@code traceparent} of the request that wrote the event among the row's headers, the relay sends them as Kafka
 * headers, and the inbox opens its span as a child of it, so one trace shows the request, the event and every
 * consumer's work. With the OpenTelemetry SDK off (the default, {@code quarkus.otel.sdk.disabled}) both do nothing.
 */
@ApplicationScoped
public class EventTracing {

    static final String INSTRUMENTATION = "io.kontor.platform";

    private static final TextMapGetter<Map<String, String>> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    @Inject
    OpenTelemetry telemetry;

    /** Adds the current trace context ({@code traceparent}, {@code tracestate}) to an outgoing event's headers. */
    public void inject(Map<String, String> headers) {
        telemetry.getPropagators().getTextMapPropagator().inject(Context.current(), headers, Map::put);
    }

    /**
     * Opens the outbox relay's span for sending one row to Kafka: a producer span, child of the trace stored with the
     * row (a new trace when it has none). The record carries this span's context instead of the stored one, so every
     * consumer continues under the send (request, then send, then each consumer's handling). With tracing off the
     * stored headers go out unchanged. End it with {@link Sending#ended(Exception)} from the send's callback.
     */
    public Sending sending(String topic, Map<String, String> headers) {
        Context parent = telemetry.getPropagators().getTextMapPropagator().extract(Context.root(), headers, HEADERS);
        Span span = telemetry
                .getTracer(INSTRUMENTATION)
                .spanBuilder(topic + " publish")
                .setParent(parent)
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "publish")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.message.id", String.valueOf(headers.get("ce_id")))
                .setAttribute("cloudevents.event_type", String.valueOf(headers.get("ce_type")))
                .startSpan();
        Map<String, String> sent = new LinkedHashMap<>(headers);
        telemetry.getPropagators().getTextMapPropagator().inject(parent.with(span), sent, Map::put);
        return new Sending(span, sent);
    }

    /** The relay's span for one record, and the headers the record goes out with. */
    public static final class Sending {
        private final Span span;
        private final Map<String, String> headers;

        Sending(Span span, Map<String, String> headers) {
            this.span = span;
            this.headers = headers;
        }

        public Map<String, String> headers() {
            return headers;
        }

        /** The broker acknowledged the record ({@code failure} null) or it failed. */
        public void ended(Exception failure) {
            if (failure != null) {
                span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
            }
            span.end();
        }
    }

    /**
     * Opens the span of one consumer handling {@code event}, a child of the trace the event carries (a new trace when
     * it carries none); close it when the handling is over.
     */
    public Handling handling(IncomingEvent event, String consumer) {
        Context parent =
                telemetry.getPropagators().getTextMapPropagator().extract(Context.root(), event.headers(), HEADERS);
        Span span = telemetry
                .getTracer(INSTRUMENTATION)
                .spanBuilder(event.topic() + " process")
                .setParent(parent)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", event.topic())
                .setAttribute("messaging.destination.partition.id", String.valueOf(event.partition()))
                .setAttribute("messaging.kafka.offset", event.offset())
                .setAttribute("messaging.consumer.group.name", consumer)
                .setAttribute("messaging.message.id", String.valueOf(event.id()))
                .setAttribute("cloudevents.event_type", String.valueOf(event.type()))
                .startSpan();
        return new Handling(span, span.makeCurrent());
    }

    /** The span of one handling, current until closed. */
    public static final class Handling implements AutoCloseable {
        private final Span span;
        private final Scope scope;

        Handling(Span span, Scope scope) {
            this.span = span;
            this.scope = scope;
        }

        /** The event became a dead letter. */
        public void deadLettered(String reason) {
            span.setStatus(StatusCode.ERROR, reason);
            span.setAttribute("kontor.dead_letter", true);
        }

        @Override
        public void close() {
            scope.close();
            span.end();
        }
    }
}
