package io.kontor.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * An open-model load generator: requests start at a fixed arrival rate whether or not earlier ones have answered, as
 * users and front-office systems do. A closed loop (N clients, each waiting for its answer) slows down with the system
 * and so hides exactly the queueing it should measure.
 *
 * <p>Each request's latency runs from its <em>intended</em> start, not from when it was actually sent: if the generator
 * itself falls behind (a GC pause, a busy core), the delay counts against the system rather than vanishing (coordinated
 * omission, see Gil Tene's "How NOT to measure latency"). Latencies go into an HdrHistogram in microseconds.
 */
public final class OpenLoop {

    private static final long HIGHEST_TRACKABLE_MICROS = TimeUnit.MINUTES.toMicros(5);

    /** One request, sent when called; completes with true for a correct answer, false or exceptionally otherwise. */
    @FunctionalInterface
    public interface Request {
        CompletableFuture<Boolean> send(long index);
    }

    /**
     * What one run measured.
     *
     * @param offeredPerSecond the arrival rate asked for
     * @param achievedPerSecond correct answers per second, from the first intended start to the last answer
     * @param latencyMicros of the correct answers, from intended start to answer
     */
    public record Result(
            String target,
            double offeredPerSecond,
            long sent,
            long ok,
            long failed,
            double achievedPerSecond,
            Histogram latencyMicros) {

        public double p50Millis() {
            return percentileMillis(50);
        }

        public double p99Millis() {
            return percentileMillis(99);
        }

        public double p999Millis() {
            return percentileMillis(99.9);
        }

        public double maxMillis() {
            return latencyMicros.getTotalCount() == 0 ? Double.NaN : latencyMicros.getMaxValue() / 1000.0;
        }

        public double percentileMillis(double percentile) {
            return latencyMicros.getTotalCount() == 0
                    ? Double.NaN
                    : latencyMicros.getValueAtPercentile(percentile) / 1000.0;
        }

        /**
         * Could not keep up at all: errors, or fewer than 90 % of the offered rate answered. A higher rate only builds
         * a longer queue. (A p99 over the bound alone is not that: on a shared machine one descheduled moment does it.)
         */
        public boolean overloaded() {
            return failed > 0 || achievedPerSecond < 0.9 * offeredPerSecond;
        }

        /** Every request answered correctly and the 99th percentile within the bound. */
        public boolean sustained(Duration p99Bound) {
            return failed == 0 && ok == sent && p99Millis() <= p99Bound.toMillis();
        }
    }

    private OpenLoop() {}

    /**
     * Starts {@code rate × duration} requests at evenly spaced intended times, then waits for every answer (at most
     * {@code timeout} per request; a request that takes longer counts as failed).
     */
    public static Result run(
            String target, double ratePerSecond, Duration duration, Duration timeout, Request request) {
        if (ratePerSecond <= 0 || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(
                    "rate and duration must be positive: " + ratePerSecond + "/s, " + duration);
        }
        long count = Math.max(1, Math.round(ratePerSecond * duration.toNanos() / 1e9));
        double intervalNanos = 1e9 / ratePerSecond;
        Histogram latencies = new ConcurrentHistogram(HIGHEST_TRACKABLE_MICROS, 3);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong lastAnswer = new AtomicLong();
        List<CompletableFuture<?>> pending = new ArrayList<>((int) Math.min(count, 1_000_000));
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        for (long i = 0; i < count; i++) {
            long intended = start + (long) (i * intervalNanos);
            parkUntil(intended);
            CompletableFuture<Boolean> answer;
            try {
                answer = request.send(i);
            } catch (RuntimeException e) {
                answer = CompletableFuture.failedFuture(e);
            }
            pending.add(answer.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .handle((correct, failure) -> {
                        long now = System.nanoTime();
                        lastAnswer.accumulateAndGet(now, Math::max);
                        if (failure == null && Boolean.TRUE.equals(correct)) {
                            latencies.recordValue(
                                    Math.min(HIGHEST_TRACKABLE_MICROS, Math.max(0, (now - intended) / 1000)));
                            ok.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                        }
                        return null;
                    }));
        }
        awaitAll(pending, timeout.plusSeconds(5));
        double seconds = Math.max(1e-9, (lastAnswer.get() - start) / 1e9);
        long answered = ok.get() + failed.get();
        // Requests still unanswered after the wait count as failed too.
        long failures = failed.get() + (count - answered);
        return new Result(target, ratePerSecond, count, ok.get(), failures, ok.get() / seconds, latencies);
    }

    private static void parkUntil(long deadlineNanos) {
        long remaining;
        while ((remaining = deadlineNanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(remaining);
        }
    }

    private static void awaitAll(List<CompletableFuture<?>> pending, Duration atMost) {
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                    .get(atMost.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // counted as failed by the caller
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            // handle() above never completes exceptionally
            throw new IllegalStateException(e.getCause());
        }
    }
}
