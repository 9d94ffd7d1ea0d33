package io.kontor.platform.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Headers on every answer of the gateway and the services (issue #24): {@code X-Content-Type-Options: nosniff} (a
 * browser takes a PDF or JSON for what the content type says, never for HTML), {@code Strict-Transport-Security}
 * (Kontor is reached over TLS only; browsers ignore it on plain HTTP) and, for the API, {@code Cache-Control:
 * no-store}: answers carry personal data, salaries (contract PDFs) and bank data that no browser or proxy cache may
 * keep. Set when the headers are written, so a proxied service's answer gets them once, not twice.
 */
@ApplicationScoped
public class SecurityHeaders {

    @ConfigProperty(
            name = "kontor.http.strict-transport-security",
            defaultValue = "max-age=31536000; includeSubDomains")
    String strictTransportSecurity;

    void register(@Observes Filters filters) {
        filters.register(
                routing -> {
                    boolean api = routing.normalizedPath().startsWith("/api/");
                    routing.addHeadersEndHandler(ignored -> {
                        var headers = routing.response().headers();
                        headers.set("X-Content-Type-Options", "nosniff");
                        headers.set("Strict-Transport-Security", strictTransportSecurity);
                        if (api) {
                            headers.set("Cache-Control", "no-store");
                        }
                    });
                    routing.next();
                },
                // Early, like the correlation id: the refusals of the authentication and permission checks (401, 403)
                // carry the headers too.
                1000);
    }
}
