package io.kontor.gateway.routing;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import java.util.function.BooleanSupplier;

/**
 * The caller's body as it streams to the service, watched: past {@code maxBytes} (chunked uploads, whose size no header
 * announces), or slower on average than {@code minBytesPerSecond} once {@code graceMillis} have passed, it stops
 * passing data on, tells the gateway (which answers the caller), and fails the stream so that the proxy resets the
 * half-sent request at the service. Without the rate check one caller trickling bodies at a byte a second would hold a
 * pooled connection per body for as long as it liked.
 *
 * <p>The clock runs from the first moment the proxy wants data, i.e. once a connection to the service is had, and stops
 * while the proxy holds the stream back because the service is slow to read: that is not the caller's fault. Everything
 * runs on the event loop of the caller's request.
 */
final class GuardedBody implements ReadStream<Buffer> {

    /** Rate checks at most this often; the averaging makes a finer one pointless. */
    private static final long CHECK_EVERY_MILLIS = 1_000;

    private static final long CHECK_AT_LEAST_EVERY_MILLIS = 100;

    private final Vertx vertx;
    private final ReadStream<Buffer> source;
    private final long maxBytes;
    private final Runnable onTooLarge;
    private final long minBytesPerSecond;
    private final long graceMillis;
    private final Runnable onTooSlow;
    private final BooleanSupplier answered;

    private long seen;
    private boolean complete;
    private boolean stopped;
    private long timer = -1;
    private long startedNanos;
    private long pausedSinceNanos = -1;
    private long pausedNanos;
    private Handler<Throwable> exceptionHandler;

    /**
     * @param maxBytes -1 when the size was judged already (declared Content-Length)
     * @param minBytesPerSecond 0 for no rate check
     * @param answered whether the caller has had an answer already (a timeout, the service's): nothing left to watch
     */
    GuardedBody(
            Vertx vertx,
            ReadStream<Buffer> source,
            long maxBytes,
            Runnable onTooLarge,
            long minBytesPerSecond,
            long graceMillis,
            Runnable onTooSlow,
            BooleanSupplier answered) {
        this.vertx = vertx;
        this.source = source;
        this.maxBytes = maxBytes;
        this.onTooLarge = onTooLarge;
        this.minBytesPerSecond = minBytesPerSecond;
        this.graceMillis = graceMillis;
        this.onTooSlow = onTooSlow;
        this.answered = answered;
    }

    /** Whether the whole body has passed. */
    boolean complete() {
        return complete;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        if (handler == null) {
            source.handler(null);
            stopClock();
            return this;
        }
        startClock();
        source.handler(buffer -> {
            if (stopped) {
                return;
            }
            seen += buffer.length();
            if (maxBytes >= 0 && seen > maxBytes) {
                stop(onTooLarge, "request body larger than " + maxBytes + " bytes");
                return;
            }
            handler.handle(buffer);
        });
        return this;
    }

    private void startClock() {
        if (minBytesPerSecond <= 0 || timer != -1 || stopped) {
            return;
        }
        startedNanos = System.nanoTime();
        // Held back before the clock ran (the proxy pauses the stream while it sets up the pipe): not counted.
        pausedNanos = 0;
        if (pausedSinceNanos >= 0) {
            pausedSinceNanos = startedNanos;
        }
        // Judged soon after the grace time is up, also for a short one, and then once a second.
        long period = Math.max(CHECK_AT_LEAST_EVERY_MILLIS, Math.min(CHECK_EVERY_MILLIS, graceMillis / 4));
        timer = vertx.setPeriodic(period, ignored -> judgeRate());
    }

    private void judgeRate() {
        if (answered.getAsBoolean()) {
            stopClock();
            return;
        }
        long now = System.nanoTime();
        long paused = pausedNanos + (pausedSinceNanos >= 0 ? now - pausedSinceNanos : 0);
        long waitedMillis = (now - startedNanos - paused) / 1_000_000;
        if (!stopped && waitedMillis >= graceMillis && seen * 1000 < minBytesPerSecond * waitedMillis) {
            stop(onTooSlow, "request body slower than " + minBytesPerSecond + " bytes/s");
        }
    }

    private void stop(Runnable tell, String why) {
        stopped = true;
        stopClock();
        tell.run();
        Handler<Throwable> failed = exceptionHandler;
        if (failed != null) {
            failed.handle(new IllegalStateException(why));
        }
    }

    private void stopClock() {
        if (timer != -1) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        this.exceptionHandler = handler;
        source.exceptionHandler(failure -> {
            stopClock();
            if (handler != null) {
                handler.handle(failure);
            }
        });
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        if (pausedSinceNanos < 0) {
            pausedSinceNanos = System.nanoTime();
        }
        source.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        endPause();
        source.resume();
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        endPause();
        source.fetch(amount);
        return this;
    }

    private void endPause() {
        if (pausedSinceNanos >= 0) {
            pausedNanos += System.nanoTime() - pausedSinceNanos;
            pausedSinceNanos = -1;
        }
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
        source.endHandler(ended -> {
            stopClock();
            complete = !stopped;
            if (!stopped && endHandler != null) {
                endHandler.handle(ended);
            }
        });
        return this;
    }
}
