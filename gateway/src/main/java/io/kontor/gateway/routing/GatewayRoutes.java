package io.kontor.gateway.routing;

import io.kontor.gateway.limits.LimitsConfig;
import io.kontor.gateway.web.HttpProblems;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Puts one route per {@link Downstream} on Quarkus' own router. They run after the platform's correlation id filter and
 * after authentication and the permission check (which are filters too), and before any JAX-RS resource.
 */
@ApplicationScoped
public class GatewayRoutes {

    private static final Logger LOG = Logger.getLogger(GatewayRoutes.class);

    private final Map<Downstream, ServiceProxy> proxies = new EnumMap<>(Downstream.class);

    void register(
            @Observes Router router,
            Vertx vertx,
            GatewayConfig config,
            LimitsConfig limits,
            HttpProblems problems,
            Clock clock,
            MeterRegistry meters) {
        for (Downstream downstream : Downstream.values()) {
            GatewayConfig.Service service = config.services().get(downstream.domain());
            if (service == null) {
                throw new IllegalStateException("kontor.gateway.services." + downstream.domain()
                        + ".* is missing: the gateway does not know where " + downstream.serviceName() + " runs");
            }
            ServiceProxy proxy = new ServiceProxy(vertx, downstream, service, limits, problems, clock);
            proxies.put(downstream, proxy);
            // 1 while the gateway refuses calls to the service itself (alert KontorCircuitBreakerOpen).
            Gauge.builder(
                            "kontor.gateway.breaker.open",
                            proxy,
                            p -> p.breakerState() == CircuitBreaker.State.OPEN ? 1 : 0)
                    .description("1 while the circuit breaker of the service is open")
                    .tag("service", downstream.serviceName())
                    .register(meters);
            router.route(downstream.routePattern())
                    .order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT)
                    .handler(proxy::forward);
            LOG.infof("%s -> %s at %s", downstream.routePattern(), downstream.serviceName(), service.url());
        }
        Set<String> known =
                EnumSet.allOf(Downstream.class).stream().map(Downstream::domain).collect(Collectors.toSet());
        config.services().keySet().stream()
                .filter(domain -> !known.contains(domain))
                .forEach(domain -> LOG.warnf("kontor.gateway.services.%s is configured but no route uses it", domain));
    }

    /**
     * GET {@code uri} (path and query under /api/v1) from {@code downstream} on the gateway's own behalf, for a
     * composite view; fails with {@link ServiceUnavailableException} when the service cannot answer.
     */
    public Future<ServiceAnswer> get(Downstream downstream, String uri, String authorization, String correlationId) {
        ServiceProxy proxy = proxies.get(downstream);
        if (proxy == null) {
            return Future.failedFuture(new IllegalStateException("routes not registered yet"));
        }
        return proxy.get(uri, authorization, correlationId);
    }

    /** The circuit breaker's state for {@code downstream}, as the next request would find it. */
    public CircuitBreaker.State breakerState(Downstream downstream) {
        ServiceProxy proxy = proxies.get(downstream);
        if (proxy == null) {
            throw new IllegalStateException("routes not registered yet");
        }
        return proxy.breakerState();
    }

    @PreDestroy
    void close() {
        proxies.values().forEach(ServiceProxy::close);
    }
}
