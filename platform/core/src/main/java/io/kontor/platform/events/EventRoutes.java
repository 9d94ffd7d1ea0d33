package io.kontor.platform.events;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Typed dispatch of the events read from one channel: each event type is routed to a method that takes the decoded
 * event and its {@link EventMeta}; types without a route are not this consumer's business and are skipped. A channel
 * has exactly one {@code @Incoming} method, so a handler that reacts to several types of one topic declares them here
 * instead of in an if/else chain on {@code ce_type}:
 *
 * <pre>{@code
 * private static final EventRoutes<InvoiceEventsHandler> ROUTES = EventRoutes.of(InvoiceEventsHandler.class)
 *         .on(InvoiceIssued.class, InvoiceEventsHandler::issued)
 *         .on(InvoicePaid.class, InvoiceEventsHandler::paid);
 *
 * @Incoming("accounting-invoices") @Blocking @InboxHandled
 * void on(IncomingEvent event) { ROUTES.dispatch(this, event); }
 *
 * void issued(InvoiceIssued issued, EventMeta meta) { ... }
 * }</pre>
 *
 * The routes are static and take the handler explicitly, so they are built once and never bind to a CDI client proxy.
 * Dispatch runs inside the {@code @InboxHandled} interceptor: the inbox, the retries and the dead-letter topic apply to
 * the typed methods exactly as before; data that does not fit its type throws and is retried, then parked.
 *
 * @param <H> the handler class
 */
public final class EventRoutes<H> {

    /** A typed event method: the handler, the decoded event and its metadata. */
    @FunctionalInterface
    public interface Route<H, E extends DomainEvent> {
        void handle(H handler, E event, EventMeta meta);
    }

    private final Map<String, Binding<H, ?>> byType;

    private EventRoutes(Map<String, Binding<H, ?>> byType) {
        this.byType = byType;
    }

    public static <H> EventRoutes<H> of(Class<H> handlerClass) {
        return new EventRoutes<>(Map.of());
    }

    /** A copy with one more route; a type routed twice is a programming error, found when the class loads. */
    public <E extends DomainEvent> EventRoutes<H> on(Class<E> eventClass, Route<H, E> route) {
        String type = DomainEvent.typeOf(eventClass).value();
        if (byType.containsKey(type)) {
            throw new IllegalArgumentException(type + " is routed twice");
        }
        Map<String, Binding<H, ?>> routes = new LinkedHashMap<>(byType);
        routes.put(type, new Binding<>(eventClass, route));
        return new EventRoutes<>(Map.copyOf(routes));
    }

    /** The CloudEvents types this consumer reacts to. */
    public Set<String> types() {
        return byType.keySet();
    }

    /**
     * Decodes {@code event} as its routed type and calls the route; returns whether there was one (false: the event is
     * of a type this consumer does not handle).
     */
    public boolean dispatch(H handler, IncomingEvent event) {
        Binding<H, ?> binding = byType.get(event.type());
        if (binding == null) {
            return false;
        }
        binding.call(handler, event);
        return true;
    }

    private record Binding<H, E extends DomainEvent>(Class<E> eventClass, Route<H, E> route) {
        void call(H handler, IncomingEvent event) {
            route.handle(handler, event.data(eventClass), EventMeta.of(event));
        }
    }
}
