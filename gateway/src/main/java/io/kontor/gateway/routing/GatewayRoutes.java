package io.kontor.gateway.routing;

import io.kontor.gateway.web.HttpProblems;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Puts one route per {@link Downstream} on Quarkus' own router. They run after the platform's correlation id filter
 * and after authentication and the permission check (which are filters too), and before any JAX-RS resource.
 */
@ApplicationScoped
public class GatewayRoutes {

    private static final Logger LOG = Logger.getLogger(GatewayRoutes.class);

    private final List<ServiceProxy> proxies = new ArrayList<>();

    void register(@Observes Router router, Vertx vertx, GatewayConfig config, HttpProblems problems, Clock clock) {
        for (Downstream downstream : Downstream.values()) {
            GatewayConfig.Service service = config.services().get(downstream.domain());
            if (service == null) {
                throw new IllegalStateException("kontor.gateway.services." + downstream.domain()
                        + ".* is missing: the gateway does not know where " + downstream.serviceName() + " runs");
            }
            ServiceProxy proxy = new ServiceProxy(vertx, downstream, service, problems, clock);
            proxies.add(proxy);
            router.route(downstream.routePattern())
                    .order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT)
                    .handler(proxy::forward);
            LOG.infof("%s -> %s at %s", downstream.routePattern(), downstream.serviceName(), service.url());
        }
        Set<String> known = EnumSet.allOf(Downstream.class).stream().map(Downstream::domain).collect(Collectors.toSet());
        config.services().keySet().stream()
                .filter(domain -> !known.contains(domain))
                .forEach(domain -> LOG.warnf("kontor.gateway.services.%s is configured but no route uses it", domain));
    }

    @PreDestroy
    void close() {
        proxies.forEach(ServiceProxy::close);
    }
}
