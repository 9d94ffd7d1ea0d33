package io.kontor.accounting.bank;

import io.kontor.accounting.AccountingConfig;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The service's request limit ({@code quarkus.http.limits.max-body-size}) is as large as a bank statement may be
 * ({@code kontor.accounting.bank.max-statement-size}), since the import streams it and holds none of it in memory
 * (#23). Every other request is read into memory whole, so it keeps the ordinary limit: announced larger, it is refused
 * with 413 before its body is read.
 */
@ApplicationScoped
public class RequestSizeLimits {

    @Inject
    AccountingConfig config;

    void register(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT - 10).handler(this::check);
    }

    private void check(RoutingContext routing) {
        String length = routing.request().getHeader("Content-Length");
        if (length == null || isStatementUpload(routing)) {
            routing.next();
            return;
        }
        long announced;
        try {
            announced = Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            routing.next();
            return;
        }
        if (announced <= config.maxRequestSize().asLongValue()) {
            routing.next();
            return;
        }
        routing.response()
                .setStatusCode(413)
                .putHeader("Content-Type", "application/problem+json")
                .putHeader("Connection", "close")
                .end(
                        "{\"type\":\"about:blank\",\"title\":\"Request too large\",\"status\":413,\"detail\":\"the body of "
                                + announced + " bytes is over the limit of "
                                + config.maxRequestSize().asLongValue()
                                + " bytes; only bank statements (POST /bank-statements) may be larger\"}");
    }

    private static boolean isStatementUpload(RoutingContext routing) {
        return routing.request().method() == HttpMethod.POST
                && routing.normalizedPath().endsWith("/bank-statements");
    }
}
