package io.kontor.gateway.routing;

import io.kontor.gateway.web.HttpProblems;
import io.kontor.platform.web.CorrelationId;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import java.net.URI;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Forwards the requests of one domain to its service and streams the answer back. Bodies are piped with back-pressure
 * in both directions (a 50 MB PDF never sits in the gateway's memory); hop-by-hop headers stay behind (vertx-http-proxy).
 * What the gateway adds: the correlation id, X-Forwarded-*, its own timeouts, and problem details when the service
 * cannot be reached or does not answer.
 */
final class ServiceProxy {

    private static final Logger LOG = Logger.getLogger(ServiceProxy.class);
    private static final String X_FORWARDED_FOR = "X-Forwarded-For";
    private static final String X_FORWARDED_PROTO = "X-Forwarded-Proto";
    private static final String X_FORWARDED_HOST = "X-Forwarded-Host";

    private final Downstream downstream;
    private final HttpClient client;
    private final RequestOptions target;
    private final HttpProblems problems;

    ServiceProxy(Vertx vertx, Downstream downstream, GatewayConfig.Service config, HttpProblems problems) {
        this.downstream = downstream;
        this.problems = problems;
        URI url = validated(downstream, config.url());
        boolean tls = "https".equals(url.getScheme());
        int port = url.getPort() != -1 ? url.getPort() : tls ? 443 : 80;
        this.client = vertx.createHttpClient(
                new HttpClientOptions()
                        .setName("gateway-" + downstream.domain())
                        .setConnectTimeout(Math.toIntExact(config.connectTimeout().toMillis()))
                        .setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(config.maxConnections()));
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

        connect().onComplete(connection -> {
            if (connection.failed()) {
                answerUnreachable(routing, proxyRequest, connection.cause());
                return;
            }
            proxyRequest.send(connection.result()).onComplete(response -> {
                if (response.failed()) {
                    answerNoResponse(routing, proxyRequest, response.cause());
                    return;
                }
                sendToCaller(response.result());
            });
        });
    }

    private Future<HttpClientRequest> connect() {
        // Retries belong here, and only here: nothing of the caller's request has been sent yet, so another attempt
        // (after a pause, to another replica) is safe for every method, and the body need not be buffered.
        // Deliberately not done yet: one attempt, and the caller gets 503 quickly.
        return client.request(target).map(request -> request.exceptionHandler(failure ->
                // Also reported through the response future, answered there; without a handler Vert.x logs it again.
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
    }

    private void sendToCaller(ProxyResponse response) {
        response.send().onFailure(failure ->
                // The caller went away, or the service broke off in the middle of a body: the proxy has reset both
                // connections, there is nobody left to tell.
                LOG.debugf("%s: answer not completely delivered: %s", downstream.serviceName(), failure));
    }

    private void answerUnreachable(RoutingContext routing, ProxyRequest proxyRequest, Throwable failure) {
        LOG.warnf("%s is not reachable at %s: %s", downstream.serviceName(), target.getServer(), failure);
        proxyRequest.release();
        problems.send(routing, 503, "service-unavailable", "Service unavailable",
                downstream.serviceName() + " cannot be reached right now; try again later");
    }

    private void answerNoResponse(RoutingContext routing, ProxyRequest proxyRequest, Throwable failure) {
        proxyRequest.release();
        if (failure instanceof TimeoutException) {
            LOG.warnf("%s did not answer in time: %s", downstream.serviceName(), failure);
            problems.send(routing, 504, "gateway-timeout", "Gateway timeout",
                    downstream.serviceName() + " did not answer in time; the request may or may not have taken effect");
        } else {
            LOG.warnf("%s broke off the request: %s", downstream.serviceName(), failure);
            problems.send(routing, 502, "bad-gateway", "Bad gateway",
                    downstream.serviceName() + " broke off before answering; the request may or may not have taken effect");
        }
    }

    void close() {
        client.close();
    }

    private static URI validated(Downstream downstream, URI url) {
        String key = "kontor.gateway.services." + downstream.domain() + ".url";
        boolean http = "http".equals(url.getScheme()) || "https".equals(url.getScheme());
        boolean bare = (url.getPath() == null || url.getPath().isEmpty() || url.getPath().equals("/")) && url.getQuery() == null;
        if (!http || url.getHost() == null || !bare) {
            throw new IllegalStateException(key + " must be http(s)://host[:port] without a path (the service serves "
                    + "/api/v1/" + downstream.domain() + " itself), not " + url);
        }
        return url;
    }
}
