package io.kontor.testing;

import io.quarkus.test.common.http.TestHTTPResourceManager;
import java.net.URI;

/**
 * Where a {@code @QuarkusTest} application answers health and metrics: the management interface (its own port, taken
 * free like the HTTP test port), not the API port (issue #22).
 */
public final class ManagementPort {

    private ManagementPort() {}

    /** The absolute URL of a management path such as {@code /q/health/ready} or {@code /q/metrics}. */
    public static String url(String path) {
        URI base = URI.create(TestHTTPResourceManager.getManagementUri());
        return base.getScheme() + "://" + base.getRawAuthority() + path;
    }

    /** The management port the running test application listens on. */
    public static int port() {
        return URI.create(TestHTTPResourceManager.getManagementUri()).getPort();
    }
}
