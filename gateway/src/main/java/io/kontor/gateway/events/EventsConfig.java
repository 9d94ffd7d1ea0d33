package io.kontor.gateway.events;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.List;

/** The live event stream ({@code kontor.gateway.events.*}). Kafka itself: {@code kafka.bootstrap.servers}. */
@ConfigMapping(prefix = "kontor.gateway.events")
public interface EventsConfig {

    /** Whether the gateway reads Kafka at all; off, the stream stays open but silent. */
    boolean enabled();

    /** The topics of EVENTS.md. */
    List<String> topics();

    /** Events kept for clients that come back with Last-Event-ID. */
    int windowSize();

    /** How often an idle stream gets a comment line, so proxies keep it open and gone clients are noticed. */
    Duration keepAlive();

    /** Events queued for one slow client before its stream is ended; it may come back with Last-Event-ID. */
    int clientBuffer();

    /** Streams one caller (token issuer and subject) may hold open at once on one instance; more get 429. */
    int maxStreamsPerSubject();

    /** Streams one gateway instance holds open at most; more get 429. */
    int maxStreams();
}
