package io.kontor.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts the four stand-in services on free ports before the gateway and points the gateway at them, with timeouts
 * short enough for tests. Their own Vert.x, not the gateway's: they are other processes in real life.
 */
public class StubServicesResource implements QuarkusTestResourceLifecycleManager {

    /** The gateway's request timeout in these tests: how long a silent service is waited for. */
    public static final long REQUEST_TIMEOUT_MILLIS = 1_500;

    public static final long CONNECT_TIMEOUT_MILLIS = 1_000;
    /** Transport failures in a row that open a service's circuit breaker; one failing GET with its retries makes 3. */
    public static final int FAILURE_THRESHOLD = 5;
    /** How long an open breaker refuses; tests move the MutableClock past it rather than waiting. */
    public static final long OPEN_FOR_SECONDS = 30;

    /** Per client: a burst a test can use up on a stopped MutableClock, a rate no sequential test reaches. */
    public static final int RATE_LIMIT_BURST = 50;

    public static final int RATE_LIMIT_PER_SECOND = 1000;
    public static final int MAX_REQUEST_BODY = 2 * 1024 * 1024;

    /**
     * The gateway's keep-alive timeout here: the shortest Vert.x allows. A stub that should close idle connections
     * before the gateway does gets a shorter idle timeout, one that should not a longer one.
     */
    public static final long KEEP_ALIVE_MILLIS = 1_000;

    /** Bodies up to this size are read whole before a service connection is taken; larger ones stream. */
    public static final int BUFFERED_BODY = 16 * 1024;

    public static final long BODY_READ_TIMEOUT_MILLIS = 1_500;
    /** A streamed body slower than this on average (bytes per second), once it has had the time below, gets 408. */
    public static final int MIN_UPLOAD_RATE = 4 * 1024;

    /** Well below the request timeout, which would otherwise end a trickling upload first. */
    public static final long MIN_UPLOAD_RATE_AFTER_MILLIS = 500;
    /** Below the 8 connections the gateway keeps to each stub: one caller alone cannot take them all. */
    public static final int IN_FLIGHT_PER_CALLER = 4;

    private Vertx vertx;
    private StubServices services;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
        Map<String, StubService> stubs = new LinkedHashMap<>();
        Map<String, String> config = new HashMap<>();
        for (String domain :
                new String[] {"sales", "accounting", "hr", "projects", "product-development", "legal", "processes"}) {
            StubService stub = new StubService(vertx, domain);
            stub.start();
            stubs.put(domain, stub);
            String prefix = "kontor.gateway.services." + domain + ".";
            config.put(prefix + "url", stub.url());
            config.put(prefix + "connect-timeout", CONNECT_TIMEOUT_MILLIS + "ms");
            config.put(prefix + "request-timeout", REQUEST_TIMEOUT_MILLIS + "ms");
            config.put(prefix + "max-connections", "8");
            config.put(prefix + "keep-alive-timeout", KEEP_ALIVE_MILLIS + "ms");
            config.put(prefix + "retries", "2");
            config.put(prefix + "retry-delay", "20ms");
            config.put(prefix + "circuit-breaker.failure-threshold", String.valueOf(FAILURE_THRESHOLD));
            config.put(prefix + "circuit-breaker.open-for", OPEN_FOR_SECONDS + "s");
        }
        config.put("kontor.gateway.limits.rate-limit.burst", String.valueOf(RATE_LIMIT_BURST));
        config.put("kontor.gateway.limits.rate-limit.per-second", String.valueOf(RATE_LIMIT_PER_SECOND));
        config.put("kontor.gateway.limits.max-request-body", String.valueOf(MAX_REQUEST_BODY));
        config.put("kontor.gateway.limits.buffered-body", String.valueOf(BUFFERED_BODY));
        config.put("kontor.gateway.limits.body-read-timeout", BODY_READ_TIMEOUT_MILLIS + "ms");
        config.put("kontor.gateway.limits.min-upload-rate", String.valueOf(MIN_UPLOAD_RATE));
        config.put("kontor.gateway.limits.min-upload-rate-after", MIN_UPLOAD_RATE_AFTER_MILLIS + "ms");
        config.put("kontor.gateway.limits.in-flight-per-caller", String.valueOf(IN_FLIGHT_PER_CALLER));
        // Every test gets the documents its stubs serve now, not a merged document kept from an earlier test.
        config.put("kontor.gateway.openapi.keep-for", "0s");
        services = new StubServices(stubs);
        return config;
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(
                services, new TestInjector.AnnotatedAndMatchesType(InjectStubServices.class, StubServices.class));
    }

    @Override
    public void stop() {
        if (vertx != null) {
            try {
                vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
