package io.kontor.gateway.routing;

import io.kontor.gateway.limits.LimitsConfig;
import io.kontor.gateway.limits.RequestSizeLimit;
import io.kontor.gateway.web.HttpProblems;
import io.kontor.platform.web.CorrelationId;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Forwards the requests of one domain to its service and streams the answer back. Bodies are piped with back-pressure
 * in both directions (a 50 MB PDF never sits in the gateway's memory); hop-by-hop headers stay behind
 * (vertx-http-proxy). What the gateway adds: the correlation id, X-Forwarded-*, its own timeouts, retries of idempotent
 * requests, a circuit breaker, and problem details when the service cannot be reached or does not answer.
 */
final class ServiceProxy {

    private static final Logger LOG = Logger.getLogger(ServiceProxy.class);
    private static final String X_FORWARDED_FOR = "X-Forwarded-For";
    private static final String X_FORWARDED_PROTO = "X-Forwarded-Proto";
    private static final String X_FORWARDED_HOST = "X-Forwarded-Host";
    /** Set when the gateway itself broke off the upload and has answered the caller. */
    private static final String REFUSED_BY_GATEWAY = "kontor.upload-refused";

    private static final String STREAMED_BODY = "kontor.streamed-body";
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final int CLEANER_PERIOD_MILLIS = 250;

    private final Vertx vertx;
    private final Downstream downstream;
    private final HttpClient client;
    private final RequestOptions target;
    private final HttpProblems problems;
    private final CircuitBreaker breaker;
    private final int retries;
    private final long retryDelayMillis;
    private final long bufferedBodyMax;
    private final Duration bodyReadTimeout;
    private final long minUploadRate;
    private final long minUploadRateAfterMillis;

    ServiceProxy(
            Vertx vertx,
            Downstream downstream,
            GatewayConfig.Service config,
            LimitsConfig limits,
            HttpProblems problems,
            Clock clock) {
        this.vertx = vertx;
        this.downstream = downstream;
        this.problems = problems;
        this.breaker = new CircuitBreaker(
                clock,
                config.circuitBreaker().failureThreshold(),
                config.circuitBreaker().openFor());
        this.retries = config.retries();
        this.retryDelayMillis = Math.max(1, config.retryDelay().toMillis());
        this.bufferedBodyMax = limits.bufferedBody().asLongValue();
        this.bodyReadTimeout = limits.bodyReadTimeout();
        this.minUploadRate = limits.minUploadRate().asLongValue();
        this.minUploadRateAfterMillis = limits.minUploadRateAfter().toMillis();
        URI url = validated(downstream, config.url());
        boolean tls = "https".equals(url.getScheme());
        int port = url.getPort() != -1 ? url.getPort() : tls ? 443 : 80;
        this.client = vertx.createHttpClient(
                new HttpClientOptions()
                        .setName("gateway-" + downstream.domain())
                        .setConnectTimeout(
                                Math.toIntExact(config.connectTimeout().toMillis()))
                        .setKeepAlive(true)
                        .setKeepAliveTimeout(keepAliveSeconds(downstream, config.keepAliveTimeout())),
                new PoolOptions()
                        .setHttp1MaxSize(config.maxConnections())
                        // The keep-alive timeout is enforced by this sweep only: a connection may be handed out up to
                        // one period after it expired. Kept short so that keep-alive + period stays below the
                        // service's idle timeout.
                        .setCleanerPeriod(CLEANER_PERIOD_MILLIS));
        this.target = new RequestOptions()
                .setServer(SocketAddress.inetSocketAddress(port, url.getHost()))
                .setHost(url.getHost())
                .setPort(port)
                .setSsl(tls)
                // Waiting for a pooled connection counts as connecting: a saturated service is an unavailable one.
                .setConnectTimeout(config.connectTimeout().toMillis())
                .setIdleTimeout(config.requestTimeout().toMillis());
    }

    void forward(RoutingContext routing) {
        HttpServerRequest request = routing.request();
        ProxyRequest proxyRequest = ProxyRequest.reverseProxy(request);
        // What the security check and the router matched is the normalized path: forward exactly that, so that
        // "/api/v1/sales/../accounting/x" cannot reach one service under the permission of another.
        String query = request.query();
        proxyRequest.setURI(query == null ? routing.normalizedPath() : routing.normalizedPath() + "?" + query);
        addForwardingHeaders(routing, proxyRequest.headers());
        if (!hasBody(request)) {
            // Nothing to stream: the request can be sent again as it is, should the first connection break.
            proxyRequest.setBody(null);
            request.resume();
            dispatch(routing, proxyRequest, true);
            return;
        }
        long declared = declaredLength(request);
        if (declared >= 0 && declared <= bufferedBodyMax) {
            readWhole(routing).onSuccess(body -> {
                proxyRequest.setBody(Body.body(body));
                dispatch(routing, proxyRequest, true);
            });
            return;
        }
        // A declared length has been judged already (RequestSizeLimit); a chunked body is counted on its way.
        long sizeLimit = declared >= 0 ? -1 : RequestSizeLimit.limitOf(routing);
        GuardedBody body = new GuardedBody(
                vertx,
                request,
                sizeLimit,
                () -> {
                    routing.put(REFUSED_BY_GATEWAY, Boolean.TRUE);
                    RequestSizeLimit.tooLarge(routing, problems, sizeLimit);
                },
                minUploadRate,
                minUploadRateAfterMillis,
                () -> {
                    routing.put(REFUSED_BY_GATEWAY, Boolean.TRUE);
                    answerTooSlow(
                            routing,
                            "the request body arrived slower than " + minUploadRate
                                    + " bytes per second; send it faster");
                },
                routing.response()::ended);
        routing.put(STREAMED_BODY, body);
        proxyRequest.setBody(Body.body(body, declared));
        dispatch(routing, proxyRequest, false);
    }

    /**
     * The whole (small) body, read before any connection to the service is taken; fails after answering 408 when the
     * caller does not finish it within the body read timeout, or when the caller went away.
     */
    private Future<Buffer> readWhole(RoutingContext routing) {
        HttpServerRequest request = routing.request();
        Promise<Buffer> body = Promise.promise();
        long timer = vertx.setTimer(bodyReadTimeout.toMillis(), ignored -> {
            if (body.tryFail(new TimeoutException("request body not complete"))) {
                answerTooSlow(
                        routing,
                        "the request body did not arrive within " + bodyReadTimeout.toMillis() + " ms; send it faster");
            }
        });
        request.body().onComplete(read -> {
            vertx.cancelTimer(timer);
            if (read.succeeded()) {
                body.tryComplete(read.result());
            } else {
                body.tryFail(read.cause());
            }
        });
        request.resume();
        return body.future();
    }

    private void dispatch(RoutingContext routing, ProxyRequest proxyRequest, boolean replayable) {
        if (routing.response().closed()) {
            proxyRequest.release();
            return;
        }
        if (!breaker.allowsRequest()) {
            proxyRequest.release();
            answerBreakerOpen(routing);
            return;
        }
        attempt(routing, proxyRequest, replayable, 0);
    }

    private void attempt(RoutingContext routing, ProxyRequest proxyRequest, boolean replayable, int retriesDone) {
        HttpMethod method = routing.request().method();
        boolean idempotencyKey = routing.request().headers().contains(IDEMPOTENCY_KEY);
        connect().onComplete(connection -> {
            if (connection.failed()) {
                breaker.failed();
                if (retriesDone < retries && Retries.afterConnectFailure(method)) {
                    retryLater(routing, proxyRequest, replayable, retriesDone, connection.cause());
                } else {
                    answerUnreachable(routing, proxyRequest, connection.cause());
                }
                return;
            }
            proxyRequest.send(connection.result()).onComplete(response -> {
                if (response.failed() && routing.get(REFUSED_BY_GATEWAY) != null) {
                    // The gateway broke the request off itself (too large, too slow) and has answered the caller:
                    // the service is not to blame. A trial request of a half-open breaker frees the trial.
                    breaker.abandoned();
                    proxyRequest.release();
                    return;
                }
                if (response.failed() && stillUploading(routing, response.cause())) {
                    // The service waited for the rest of the body as long as the gateway waited for its answer: the
                    // caller is the slow one.
                    breaker.abandoned();
                    routing.put(REFUSED_BY_GATEWAY, Boolean.TRUE);
                    proxyRequest.release();
                    answerTooSlow(routing, "the request body did not arrive completely in time; send it faster");
                    return;
                }
                if (response.failed()) {
                    breaker.failed();
                    Throwable failure = response.cause();
                    if (!(failure instanceof TimeoutException)
                            && retriesDone < retries
                            && Retries.afterBrokenConnection(method, replayable, idempotencyKey)) {
                        retryLater(routing, proxyRequest, replayable, retriesDone, failure);
                    } else {
                        answerNoResponse(routing, proxyRequest, failure);
                    }
                    return;
                }
                breaker.succeeded();
                sendToCaller(response.result());
            });
        });
    }

    private static boolean stillUploading(RoutingContext routing, Throwable failure) {
        GuardedBody body = routing.get(STREAMED_BODY);
        return failure instanceof TimeoutException && body != null && !body.complete();
    }

    private void retryLater(
            RoutingContext routing, ProxyRequest proxyRequest, boolean replayable, int retriesDone, Throwable failure) {
        LOG.debugf("%s: attempt %d failed, trying again: %s", downstream.serviceName(), retriesDone + 1, failure);
        vertx.setTimer(retryDelayMillis, ignored -> {
            if (routing.response().closed()) {
                proxyRequest.release();
            } else if (!breaker.allowsRequest()) {
                proxyRequest.release();
                answerBreakerOpen(routing);
            } else {
                attempt(routing, proxyRequest, replayable, retriesDone + 1);
            }
        });
    }

    /**
     * HTTP/1.1 (RFC 9112, section 6.3): a request has a body exactly when it has Content-Length or Transfer-Encoding.
     */
    private static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (request.version() == HttpVersion.HTTP_2) {
            return !"0".equals(length);
        }
        return request.headers().contains(HttpHeaders.TRANSFER_ENCODING)
                || (length != null && !"0".equals(length.trim()));
    }

    private static long declaredLength(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null || request.headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
            return -1;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static int keepAliveSeconds(Downstream downstream, Duration keepAlive) {
        if (keepAlive.toMillis() < 1000 || keepAlive.toMillis() % 1000 != 0) {
            throw new IllegalStateException("kontor.gateway.services." + downstream.domain()
                    + ".keep-alive-timeout must be whole seconds, at least 1s, not " + keepAlive);
        }
        return Math.toIntExact(keepAlive.toSeconds());
    }

    /**
     * A GET of the gateway's own, for composite views: the whole (small, JSON) answer is read. Under the same breaker
     * and timeouts as forwarded requests; the caller's token and correlation id go along.
     */
    Future<ServiceAnswer> get(String uri, String authorization, String correlationId) {
        if (!breaker.allowsRequest()) {
            return Future.failedFuture(new ServiceUnavailableException(
                    downstream.serviceName() + " failed several times in a row and is given a moment to recover",
                    null));
        }
        return connect()
                .compose(request -> {
                    request.setMethod(HttpMethod.GET).setURI(uri).putHeader(HttpHeaders.ACCEPT, "application/json");
                    if (authorization != null) {
                        request.putHeader(HttpHeaders.AUTHORIZATION, authorization);
                    }
                    if (correlationId != null) {
                        request.putHeader(CorrelationId.HEADER, correlationId);
                    }
                    return request.send();
                })
                .compose(response -> response.body().map(body -> new ServiceAnswer(response.statusCode(), body)))
                .transform(answer -> {
                    if (answer.succeeded()) {
                        breaker.succeeded();
                        return Future.succeededFuture(answer.result());
                    }
                    breaker.failed();
                    LOG.warnf("%s: GET %s failed: %s", downstream.serviceName(), uri, answer.cause());
                    String why = answer.cause() instanceof TimeoutException
                            ? " did not answer in time"
                            : " cannot be reached right now";
                    return Future.failedFuture(
                            new ServiceUnavailableException(downstream.serviceName() + why, answer.cause()));
                });
    }

    private Future<HttpClientRequest> connect() {
        return client.request(target)
                .map(request -> request.exceptionHandler(failure ->
                        // Also reported through the response future, answered there; without a handler Vert.x logs it
                        // again.
                        LOG.debugf("%s: request failed: %s", downstream.serviceName(), failure)));
    }

    private static void addForwardingHeaders(RoutingContext routing, MultiMap headers) {
        HttpServerRequest request = routing.request();
        // The id the platform filter accepted or made up, not what the caller sent (that may have been unusable).
        String correlationId = routing.get(CorrelationId.MDC_KEY);
        if (correlationId != null) {
            headers.set(CorrelationId.HEADER, correlationId);
        }
        SocketAddress caller = request.remoteAddress();
        if (caller != null) {
            String chain = headers.get(X_FORWARDED_FOR);
            headers.set(X_FORWARDED_FOR, chain == null ? caller.hostAddress() : chain + ", " + caller.hostAddress());
        }
        headers.set(X_FORWARDED_PROTO, request.scheme());
        HostAndPort authority = request.authority();
        if (authority != null) {
            headers.set(X_FORWARDED_HOST, authority.toString());
        }
        // The gateway has answered "100 Continue" itself (quarkus.http.handle-100-continue-automatically).
        headers.remove(HttpHeaders.EXPECT);
        // The service's spans continue the gateway's (W3C traceparent); with tracing off nothing is written and a
        // caller's own traceparent passes through unchanged.
        W3CTraceContextPropagator.getInstance().inject(Context.current(), headers, MultiMap::set);
    }

    private void sendToCaller(ProxyResponse response) {
        response.send()
                .onFailure(failure ->
                        // The caller went away, or the service broke off in the middle of a body: the proxy has reset
                        // both
                        // connections, there is nobody left to tell.
                        LOG.debugf("%s: answer not completely delivered: %s", downstream.serviceName(), failure));
    }

    private void answerUnreachable(RoutingContext routing, ProxyRequest proxyRequest, Throwable failure) {
        LOG.warnf("%s is not reachable at %s: %s", downstream.serviceName(), target.getServer(), failure);
        proxyRequest.release();
        problems.send(
                routing,
                503,
                "service-unavailable",
                "Service unavailable",
                downstream.serviceName() + " cannot be reached right now; try again later");
    }

    private void answerBreakerOpen(RoutingContext routing) {
        routing.response()
                .putHeader("Retry-After", Long.toString(breaker.retryAfter().toSeconds()));
        problems.send(
                routing,
                503,
                "service-unavailable",
                "Service unavailable",
                downstream.serviceName()
                        + " failed several times in a row and is given a moment to recover; try again later");
    }

    /** 408 (RFC 9110, section 15.5.9) and the connection closed: the rest of the body is not worth waiting for. */
    private void answerTooSlow(RoutingContext routing, String detail) {
        if (routing.response().headWritten()) {
            return;
        }
        LOG.debugf("%s: upload refused: %s", downstream.serviceName(), detail);
        routing.response().putHeader(HttpHeaders.CONNECTION, "close");
        // Not response().endHandler: that would replace the router's, and with it every addEndHandler (the in-flight
        // count of the caller would never go down).
        routing.addEndHandler(ended -> routing.request().connection().close());
        problems.send(routing, 408, "request-timeout", "Request timeout", detail);
    }

    private void answerNoResponse(RoutingContext routing, ProxyRequest proxyRequest, Throwable failure) {
        proxyRequest.release();
        if (failure instanceof TimeoutException) {
            LOG.warnf("%s did not answer in time: %s", downstream.serviceName(), failure);
            problems.send(
                    routing,
                    504,
                    "gateway-timeout",
                    "Gateway timeout",
                    downstream.serviceName() + " did not answer in time; the request may or may not have taken effect");
        } else {
            LOG.warnf("%s broke off the request: %s", downstream.serviceName(), failure);
            problems.send(
                    routing,
                    502,
                    "bad-gateway",
                    "Bad gateway",
                    downstream.serviceName()
                            + " broke off before answering; the request may or may not have taken effect");
        }
    }

    CircuitBreaker.State breakerState() {
        return breaker.state();
    }

    void close() {
        client.close();
    }

    private static URI validated(Downstream downstream, URI url) {
        String key = "kontor.gateway.services." + downstream.domain() + ".url";
        boolean http = "http".equals(url.getScheme()) || "https".equals(url.getScheme());
        boolean bare = (url.getPath() == null
                        || url.getPath().isEmpty()
                        || url.getPath().equals("/"))
                && url.getQuery() == null;
        if (!http || url.getHost() == null || !bare) {
            throw new IllegalStateException(key + " must be http(s)://host[:port] without a path (the service serves "
                    + "/api/v1/" + downstream.domain() + " itself), not " + url);
        }
        return url;
    }
}
