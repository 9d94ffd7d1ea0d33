package io.kontor.gateway.events;

import io.kontor.platform.problem.ProblemException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many live streams are open: per caller (token issuer and subject) at most {@code max-streams-per-subject}, per
 * gateway instance at most {@code max-streams}. Each stream holds a connection, a buffer and a listener, so one token
 * opening streams in a loop must not exhaust the instance (OWASP API4, issue #24). Metric {@code kontor_event_streams}.
 */
@ApplicationScoped
public class StreamLimits {

    /** 429: the caller (or the instance) holds as many streams as it may. */
    public static class TooManyStreams extends ProblemException {
        TooManyStreams(String detail) {
            super(429, "too-many-streams", "Too many event streams", detail, null);
        }
    }

    private final ConcurrentHashMap<String, AtomicInteger> perCaller = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final EventsConfig config;
    private final MeterRegistry metrics;

    @Inject
    public StreamLimits(EventsConfig config, MeterRegistry metrics) {
        this.config = config;
        this.metrics = metrics;
        Gauge.builder("kontor_event_streams", open, AtomicInteger::get)
                .description("Live event streams open on this gateway instance")
                .register(metrics);
    }

    /**
     * Counts a new stream of {@code caller}, or refuses it.
     *
     * @return what ends it; safe to call more than once
     */
    public Runnable open(String caller) {
        AtomicInteger mine = perCaller.compute(caller, (key, count) -> {
            AtomicInteger counted = count == null ? new AtomicInteger() : count;
            counted.incrementAndGet();
            return counted;
        });
        if (mine.get() > config.maxStreamsPerSubject()) {
            release(caller);
            refused();
            throw new TooManyStreams("at most " + config.maxStreamsPerSubject()
                    + " event streams per caller; close one (or come back with Last-Event-ID)");
        }
        if (open.incrementAndGet() > config.maxStreams()) {
            open.decrementAndGet();
            release(caller);
            refused();
            throw new TooManyStreams("this gateway holds as many event streams as it may; try again later");
        }
        AtomicBoolean ended = new AtomicBoolean();
        return () -> {
            if (ended.compareAndSet(false, true)) {
                open.decrementAndGet();
                release(caller);
            }
        };
    }

    public int open() {
        return open.get();
    }

    private void release(String caller) {
        perCaller.computeIfPresent(caller, (key, count) -> count.decrementAndGet() <= 0 ? null : count);
    }

    /** Counted with the gateway's other refusals (HttpProblems): one metric for every 429 the gateway answers. */
    private void refused() {
        metrics.counter("kontor.gateway.refused", "status", "429", "reason", "too-many-streams")
                .increment();
    }
}
