package io.kontor.platform.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * The {@code X-Correlation-Id} of the current request or event: taken from the caller (or made up), echoed on every
 * response, written into every log line ({@code %X{correlationId}}) and into the events the request causes, so one
 * business action can be followed from the gateway through Kafka into every consumer.
 */
@ApplicationScoped
public class CorrelationId {

    public static final String HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "correlationId";

    /** Only what is safe to echo and log: no spaces, no control characters, bounded length. */
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");

    public static String current() {
        Object value = MDC.get(MDC_KEY);
        return value == null ? null : value.toString();
    }

    /** Makes {@code correlationId} current until the scope closes; for work that does not start with a request. */
    public static Scope open(String correlationId) {
        Object previous = MDC.get(MDC_KEY);
        if (correlationId != null) {
            MDC.put(MDC_KEY, correlationId);
        }
        return () -> {
            if (previous == null) {
                MDC.remove(MDC_KEY);
            } else {
                MDC.put(MDC_KEY, previous);
            }
        };
    }

    static String acceptOrCreate(String offered) {
        return offered != null && ACCEPTABLE.matcher(offered).matches()
                ? offered
                : UUID.randomUUID().toString();
    }

    /** On the HTTP layer, so that it also covers errors raised before JAX-RS (authentication, unknown paths). */
    void register(@Observes Filters filters) {
        filters.register(
                routing -> {
                    String id = acceptOrCreate(routing.request().getHeader(HEADER));
                    routing.put(MDC_KEY, id);
                    MDC.put(MDC_KEY, id);
                    routing.addHeadersEndHandler(
                            ignored -> routing.response().headers().set(HEADER, id));
                    routing.next();
                },
                1000);
    }

    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
