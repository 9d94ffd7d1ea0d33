package io.kontor.gateway.routing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The circuit breaker of one service: after {@code failureThreshold} failures in a row the gateway stops calling the
 * service for {@code openFor} and answers 503 at once (instead of letting every caller wait for a connect timeout and
 * piling requests onto a service that is struggling to come back). Then one trial request goes through (half open): if
 * it succeeds the breaker closes, if it fails it opens again for another {@code openFor}.
 *
 * <p>A failure is what the gateway sees on the wire - no connection, no answer in time, connection broken before an
 * answer. An HTTP error status is an answer: a service that says 500 or 409 quickly is up, and stays reachable.
 *
 * <p>A small state machine rather than SmallRye Fault Tolerance: the proxy is a chain of Vert.x callbacks on a route,
 * not a CDI method an annotation could wrap, and the breaker must know success and failure of the transport only. It is
 * called from every event loop, hence the locking; every section is a few field reads and writes.
 */
public final class CircuitBreaker {

    public enum State {
        CLOSED,
        OPEN,
        HALF_OPEN
    }

    private final Clock clock;
    private final int failureThreshold;
    private final Duration openFor;

    private State state = State.CLOSED;
    private int failuresInARow;
    private Instant openUntil = Instant.MIN;
    private boolean trialUnderway;

    public CircuitBreaker(Clock clock, int failureThreshold, Duration openFor) {
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("failure threshold must be at least 1, not " + failureThreshold);
        }
        if (openFor.isNegative() || openFor.isZero()) {
            throw new IllegalArgumentException("open duration must be positive, not " + openFor);
        }
        this.clock = clock;
        this.failureThreshold = failureThreshold;
        this.openFor = openFor;
    }

    /**
     * Whether a request may go to the service now. In the half-open state only the first caller gets {@code true}: it
     * is the trial, and must report its outcome with {@link #succeeded()} or {@link #failed()}.
     */
    public synchronized boolean allowsRequest() {
        if (state == State.OPEN && !clock.instant().isBefore(openUntil)) {
            state = State.HALF_OPEN;
            trialUnderway = false;
        }
        return switch (state) {
            case CLOSED -> true;
            case OPEN -> false;
            case HALF_OPEN -> {
                if (trialUnderway) {
                    yield false;
                }
                trialUnderway = true;
                yield true;
            }
        };
    }

    public synchronized void succeeded() {
        state = State.CLOSED;
        failuresInARow = 0;
        trialUnderway = false;
    }

    public synchronized void failed() {
        failuresInARow++;
        if (state == State.HALF_OPEN || failuresInARow >= failureThreshold) {
            state = State.OPEN;
            openUntil = clock.instant().plus(openFor);
            trialUnderway = false;
        }
    }

    /**
     * The request let through ends without telling anything about the service (the gateway broke it off itself): a
     * half-open breaker lets the next request be the trial instead of waiting for an outcome that never comes.
     */
    public synchronized void abandoned() {
        trialUnderway = false;
    }

    public synchronized State state() {
        // Reported as it would be decided now: an open breaker whose time is up lets the next request try.
        return state == State.OPEN && !clock.instant().isBefore(openUntil) ? State.HALF_OPEN : state;
    }

    /** How long callers should wait before trying again: the rest of the open time, at least one second. */
    public synchronized Duration retryAfter() {
        Duration rest = Duration.between(clock.instant(), openUntil);
        return rest.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : rest;
    }
}
