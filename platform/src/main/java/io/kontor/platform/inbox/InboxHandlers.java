package io.kontor.platform.inbox;

import io.kontor.platform.events.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
    private volatile Map<String, List<Batched>> byTopic;

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

    /**
     * The handlers that name {@code topic} in {@link InboxHandled#topics()}, in a fixed order (by consumer name), each
     * with the bean reference to call it through (so the interceptor applies).
     */
    List<Batched> batchedHandlersOf(String topic) {
        Map<String, List<Batched>> current = byTopic;
        if (current == null) {
            Map<String, List<Batched>> index = new HashMap<>();
            handlers().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
                Handler handler = entry.getValue();
                String[] topics =
                        handler.method().getAnnotation(InboxHandled.class).topics();
                if (topics.length == 0) {
                    return;
                }
                Object instance = beans.getReference(
                        handler.bean(), handler.bean().getBeanClass(), beans.createCreationalContext(handler.bean()));
                for (String name : topics) {
                    index.computeIfAbsent(name, t -> new ArrayList<>())
                            .add(new Batched(entry.getKey(), instance, handler.method()));
                }
            });
            index.replaceAll((t, list) -> List.copyOf(list));
            current = Map.copyOf(index);
            byTopic = current;
        }
        return current.getOrDefault(topic, List.of());
    }

    /** Every batch-fed handler of this service by inbox key, with the topics it names. */
    Map<String, List<String>> batchedTopics() {
        Map<String, List<String>> topics = new HashMap<>();
        handlers().forEach((consumer, handler) -> {
            String[] named = handler.method().getAnnotation(InboxHandled.class).topics();
            if (named.length > 0) {
                topics.put(consumer, List.of(named));
            }
        });
        return topics;
    }

    /** A batch-fed handler: its inbox key, the bean (proxy) and the method. */
    record Batched(String consumer, Object instance, Method method) {}

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
