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

    /**
     * Bodies up to this size (by Content-Length) are read whole before a connection to the service is taken: a slow
     * caller then holds no connection while it sends, and the body is at hand should a connection break before the
     * answer (the request may be repeated, see Retries). Larger and chunked bodies are streamed.
     */
    MemorySize bufferedBody();

    /** The longest a body the gateway reads whole may take to arrive; past it the caller gets 408. */
    Duration bodyReadTimeout();

    /**
     * The slowest a streamed body may arrive on average (bytes per second), judged once it has had
     * {@link #minUploadRateAfter()}; slower gets 408 and the half-sent request at the service is reset. Time the
     * service itself holds the upload back (back-pressure) is not counted against the caller.
     */
    MemorySize minUploadRate();

    Duration minUploadRateAfter();

    /**
     * Requests one caller (token subject) may have under way at once; the next gets 429 with Retry-After. Keeps one
     * caller's slow or stuck requests from taking every connection to a service. The live event stream is not counted:
     * it is meant to stay open.
     */
    int inFlightPerCaller();

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
