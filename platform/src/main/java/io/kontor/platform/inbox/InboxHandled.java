package io.kontor.platform.inbox;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes an {@code @Incoming} method taking an {@link io.kontor.platform.events.IncomingEvent} an idempotent consumer:
 * each attempt runs in its own transaction that also records the event's {@code ce_id} in the inbox, so a redelivered
 * event has no effect twice; a record that still fails after the configured attempts, or that is not a CloudEvent at
 * all, goes to {@code <topic>.dlq} and the consumer moves on.
 *
 * <p>The method hands the event to its typed methods through {@link io.kontor.platform.events.EventRoutes}:
 *
 * <pre>{@code
 * private static final EventRoutes<OfferAcceptedHandler> ROUTES = EventRoutes.of(OfferAcceptedHandler.class)
 *         .on(OfferAccepted.class, OfferAcceptedHandler::accepted);
 *
 * @Incoming("sales-offers") @Blocking @InboxHandled
 * void on(IncomingEvent event) { ROUTES.dispatch(this, event); }
 *
 * void accepted(OfferAccepted accepted, EventMeta meta) { invoices.bill(accepted); }
 * }</pre>
 *
 * <p>A handler that names its {@link #topics()} has no {@code @Incoming} of its own: it is fed by the service's batch
 * channel ({@link InboxBatches}), which reads all those topics with one consumer and applies a whole poll in one
 * transaction. The inbox key, the retries and the dead letter of each record stay the same. Such a class needs
 * {@code @io.quarkus.arc.Unremovable} (nothing else keeps Quarkus from removing the bean).
 *
 * <pre>{@code
 * @InboxHandled(topics = "sales.offers")
 * void on(IncomingEvent event) { ROUTES.dispatch(this, event); }
 * }</pre>
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface InboxHandled {

    /**
     * The topics whose records the service's batch channel hands to this method; empty (the default) for a method that
     * is an {@code @Incoming} method itself.
     */
    @Nonbinding
    String[] topics() default {};
}
