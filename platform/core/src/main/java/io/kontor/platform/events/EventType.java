package io.kontor.platform.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Places a payload record in the event catalog (EVENTS.md): its CloudEvents type and the topic of its aggregate family.
 * A breaking change is a new record with a new version, never an edit of this one.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

    /** Full CloudEvents type, e.g. {@code kontor.sales.offer-accepted.v1}. */
    String value();

    /** Kafka topic, {@code <domain>.<aggregate>}. */
    String topic();
}
