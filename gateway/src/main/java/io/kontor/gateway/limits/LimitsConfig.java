package io.kontor.gateway.limits;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** How much one client may ask of the gateway ({@code kontor.gateway.limits.*}). */
@ConfigMapping(prefix = "kontor.gateway.limits")
public interface LimitsConfig {

    RateLimit rateLimit();

    /** The largest request body accepted under /api; a larger one gets 413 before anything reaches a service. */
    MemorySize maxRequestBody();

    /**
     * The longest path with query string accepted; a longer one gets 414 before anything reaches a service. Below the
     * services' own request-line limit (Quarkus' 4096 bytes), which would answer a bare 414 without problem details.
     */
    int maxUriLength();

    interface RateLimit {

        boolean enabled();

        /** Requests a client may send at once. */
        int burst();

        /** Requests a client may send per second on average. */
        double perSecond();

        /** How often buckets that have filled up again are forgotten. */
        Duration forgetIdleEvery();
    }
}
