package io.kontor.gateway.routing;

/**
 * The route table of the public API: which service owns which {@code /api/v1/<domain>} paths (API.md). The paths are
 * the public contract and live here; where the services run is configuration ({@link GatewayConfig}).
 */
public enum Downstream {
    SALES("sales", "sales-backoffice-service"),
    ACCOUNTING("accounting", "accounting-service"),
    HR("hr", "hr-service"),
    PROJECTS("projects", "project-office-service"),
    PRODUCT_DEVELOPMENT("product-development", "product-development-service"),
    LEGAL("legal", "legal-service"),
    PROCESSES("processes", "process-service");

    private final String domain;
    private final String serviceName;

    Downstream(String domain, String serviceName) {
        this.domain = domain;
        this.serviceName = serviceName;
    }

    /** The key under {@code kontor.gateway.services}, and the path segment after {@code /api/v1}. */
    public String domain() {
        return domain;
    }

    /** The name callers see in errors: never the host or port it runs on. */
    public String serviceName() {
        return serviceName;
    }

    /** {@code /api/v1/<domain>} and everything below it (Vert.x Web matches the bare prefix too). */
    public String routePattern() {
        return "/api/v1/" + domain + "/*";
    }
}
