package io.kontor.gateway.limits;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per client: each client may send {@code burst} requests at once and then {@code perSecond} requests a
 * second on average. A bucket refills with time; a full bucket says nothing a new one would not, so it is forgotten
 * ({@link #forgetIdle()}) - memory grows with the clients active in the last moments, not with all clients ever seen.
 */
public final class RateLimiter {

    /** The answer for one request: allowed, or refused with how long until the next one would be. */
    public record Decision(boolean allowed, Duration retryAfter) {
        static final Decision ALLOWED = new Decision(true, Duration.ZERO);
    }

    private final Clock clock;
    private final double burst;
    private final double perSecond;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(Clock clock, int burst, double perSecond) {
        if (burst < 1 || perSecond <= 0) {
            throw new IllegalArgumentException(
                    "burst must be at least 1 and the rate positive, not " + burst + " and " + perSecond);
        }
        this.clock = clock;
        this.burst = burst;
        this.perSecond = perSecond;
    }

    public Decision tryAcquire(String client) {
        Instant now = clock.instant();
        return buckets.computeIfAbsent(client, ignored -> new Bucket(burst, now))
                .take(now);
    }

    /** Drops the buckets that have filled up again: those clients start afresh, exactly as if they were kept. */
    public void forgetIdle() {
        Instant now = clock.instant();
        buckets.values().removeIf(bucket -> bucket.fullAt(now));
    }

    int clientsTracked() {
        return buckets.size();
    }

    private final class Bucket {

        private double tokens;
        private Instant refilledAt;

        Bucket(double tokens, Instant now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }

        synchronized Decision take(Instant now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return Decision.ALLOWED;
            }
            double secondsToNext = (1 - tokens) / perSecond;
            return new Decision(false, Duration.ofNanos((long) Math.ceil(secondsToNext * 1e9)));
        }

        synchronized boolean fullAt(Instant now) {
            refill(now);
            return tokens >= burst;
        }

        private void refill(Instant now) {
            if (now.isAfter(refilledAt)) {
                double seconds = Duration.between(refilledAt, now).toNanos() / 1e9;
                tokens = Math.min(burst, tokens + seconds * perSecond);
            }
            // Also when the clock was set back: counting from the later instant would hold the bucket empty until then.
            refilledAt = now;
        }
    }
}
