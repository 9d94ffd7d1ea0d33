package io.kontor.platform.events;

/**
 * A fact that happened in one aggregate. Implementations are immutable records annotated with {@link EventType}; the
 * aggregate id becomes the Kafka record key and {@code ce_subject}, so all events of one aggregate stay in order.
 */
public interface DomainEvent {

    String aggregateId();

    static EventType typeOf(Class<? extends DomainEvent> eventClass) {
        EventType type = eventClass.getAnnotation(EventType.class);
        if (type == null) {
            throw new IllegalArgumentException(
                    eventClass.getName() + " is not in the event catalog: @EventType is missing");
        }
        return type;
    }
}
