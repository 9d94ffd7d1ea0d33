package io.kontor.platform.inbox;

import io.kontor.platform.events.IncomingEvent;
import io.kontor.platform.tracing.EventTracing;
import io.kontor.platform.web.CorrelationId;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Method;
import java.util.Arrays;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

@InboxHandled
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 300)
public class InboxInterceptor {

    private static final Logger LOG = Logger.getLogger(InboxInterceptor.class);

    @Inject
    Inbox inbox;

    @Inject
    DeadLetters deadLetters;

    @Inject
    InboxConfig config;

    @Inject
    EventTracing tracing;

    @ConfigProperty(name = "quarkus.application.name")
    String serviceName;

    @AroundInvoke
    Object handleOnce(InvocationContext invocation) throws Exception {
        IncomingEvent event = incomingEvent(invocation);
        String consumer = consumerName(invocation.getMethod());
        InboxMode mode = InboxMode.CURRENT.get();
        InboxMode.CURRENT.remove();
        try (EventTracing.Handling trace = tracing.handling(event, consumer);
                CorrelationId.Scope scope = CorrelationId.open(event.correlationId())) {
            if (mode instanceof InboxMode.InBatch) {
                // The batch's transaction and inbox row; a failure goes back to InboxBatches, which isolates it.
                return invocation.proceed();
            }
            String malformation = event.malformation();
            if (malformation != null) {
                trace.deadLettered(malformation);
                deadLetters.park(event, consumer, malformation);
                return null;
            }
            Exception lastFailure = null;
            int firstAttempt = 1;
            if (mode instanceof InboxMode.Alone alone) {
                // Tried in its batch already: those attempts count, so a record fails as often as it always did.
                firstAttempt = alone.attemptsUsed() + 1;
                lastFailure = alone.lastFailure();
                if (firstAttempt <= config.maxAttempts()) {
                    Thread.sleep(config.retryBackoff().toMillis() * alone.attemptsUsed());
                }
            }
            for (int attempt = firstAttempt; attempt <= config.maxAttempts(); attempt++) {
                try {
                    return QuarkusTransaction.requiringNew().call(() -> {
                        if (!inbox.firstDelivery(consumer, event.id())) {
                            LOG.debugf("%s already applied by %s, skipped", event, consumer);
                            return null;
                        }
                        return invocation.proceed();
                    });
                } catch (Exception e) {
                    if (Stopping.now()) {
                        throw new Stopping.Interrupted(event, consumer, e);
                    }
                    lastFailure = e;
                    LOG.warnf(
                            "%s failed in %s (attempt %d of %d): %s",
                            event, consumer, attempt, config.maxAttempts(), e);
                    if (attempt < config.maxAttempts()) {
                        Thread.sleep(config.retryBackoff().toMillis() * attempt);
                    }
                }
            }
            trace.deadLettered(describe(lastFailure));
            deadLetters.park(event, consumer, describe(lastFailure));
            return null;
        }
    }

    private static IncomingEvent incomingEvent(InvocationContext invocation) {
        return Arrays.stream(invocation.getParameters())
                .filter(IncomingEvent.class::isInstance)
                .map(IncomingEvent.class::cast)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "@InboxHandled method " + invocation.getMethod() + " must take an IncomingEvent parameter"));
    }

    private String consumerName(Method method) {
        return InboxHandlers.consumerName(serviceName, method);
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String described = root == failure ? failure.toString() : failure + " caused by " + root;
        // A commit the database refused (a deferred constraint) says why only in an exception Narayana suppressed.
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            for (Throwable suppressed : t.getSuppressed()) {
                return described + " (" + suppressed.getMessage() + ")";
            }
        }
        return described;
    }
}
