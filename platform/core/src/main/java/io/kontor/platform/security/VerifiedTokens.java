package io.kontor.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer tokens whose signature and claims were verified, each kept until its own {@code exp} (and at most
 * {@code maxAge}), so that the many requests one caller makes with the same token verify the RSA signature once (#23).
 * Bounded: at {@code maxEntries} the expired entries go, and if none had expired the whole cache does, which costs one
 * verification per caller and never memory. A token that failed is not kept, and an expired one is never answered.
 */
final class VerifiedTokens {

    private record Entry(JsonWebToken token, Instant until) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int maxEntries;
    private final Duration maxAge;

    VerifiedTokens(Clock clock, int maxEntries, Duration maxAge) {
        this.clock = clock;
        this.maxEntries = maxEntries;
        this.maxAge = maxAge;
    }

    /** The verified token, or null when it must be verified (again). */
    JsonWebToken get(String raw) {
        Entry entry = entries.get(raw);
        if (entry == null) {
            return null;
        }
        if (!clock.instant().isBefore(entry.until())) {
            entries.remove(raw, entry);
            return null;
        }
        return entry.token();
    }

    void put(String raw, JsonWebToken verified) {
        long exp = verified.getExpirationTime();
        Instant now = clock.instant();
        // A token without exp is kept only for maxAge; smallrye-jwt requires exp anyway.
        Instant until = exp > 0 ? Instant.ofEpochSecond(exp) : now.plus(maxAge);
        if (until.isAfter(now.plus(maxAge))) {
            until = now.plus(maxAge);
        }
        if (!now.isBefore(until)) {
            return;
        }
        if (entries.size() >= maxEntries) {
            entries.values().removeIf(entry -> !now.isBefore(entry.until()));
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
        }
        entries.put(raw, new Entry(verified, until));
    }

    int size() {
        return entries.size();
    }
}
