package io.kontor.platform.inbox;

import io.kontor.platform.events.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This service's {@link InboxHandled} methods by consumer name, so that a dead letter can be handed back to the very
 * handler that parked it without going through Kafka. The call goes through the bean's proxy, so the inbox, the retries
 * and parking apply exactly as for a record read from the topic.
 */
@ApplicationScoped
public class InboxHandlers {

    @Inject
    BeanManager beans;

    @ConfigProperty(name = "quarkus.application.name")
    String serviceName;

    private volatile Map<String, Handler> byConsumer;

    /**
     * The inbox key of a handler: {@code <service>/<Handler>.<method>}. Renaming a handler makes it a new consumer that
     * sees retained events again.
     */
    static String consumerName(String serviceName, Method method) {
        return serviceName + "/" + method.getDeclaringClass().getSimpleName() + "." + method.getName();
    }

    /** Whether this service has a handler of that name. */
    public boolean exists(String consumer) {
        return handlers().containsKey(consumer);
    }

    /**
     * Hands {@code event} to {@code consumer} as if it had just been read: applied once (the inbox skips it when it was
     * applied before), retried, and parked again if it still fails.
     */
    public void deliver(String consumer, IncomingEvent event) {
        Handler handler = Optional.ofNullable(handlers().get(consumer))
                .orElseThrow(() -> new IllegalArgumentException("no handler " + consumer + " in " + serviceName));
        Object instance = beans.getReference(
                handler.bean(), handler.bean().getBeanClass(), beans.createCreationalContext(handler.bean()));
        try {
            handler.method().invoke(instance, event);
        } catch (InvocationTargetException e) {
            // The interceptor parks what fails; anything thrown past it is a fault of the platform, not of the event.
            throw new IllegalStateException("handing " + event + " to " + consumer + " failed", e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Handler> handlers() {
        Map<String, Handler> current = byConsumer;
        if (current == null) {
            current = new HashMap<>();
            for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
                for (Method method : bean.getBeanClass().getDeclaredMethods()) {
                    if (method.isAnnotationPresent(InboxHandled.class)
                            && method.getParameterCount() == 1
                            && method.getParameterTypes()[0] == IncomingEvent.class) {
                        method.setAccessible(true);
                        current.put(consumerName(serviceName, method), new Handler(bean, method));
                    }
                }
            }
            current = Map.copyOf(current);
            byConsumer = current;
        }
        return current;
    }

    private record Handler(Bean<?> bean, Method method) {}
}
