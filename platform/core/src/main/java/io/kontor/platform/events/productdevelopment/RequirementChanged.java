package io.kontor.platform.events.productdevelopment;

import io.kontor.platform.events.DomainEvent;
import io.kontor.platform.events.EventType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An approved requirement was changed into a new {@code version}: {@code changedFields} names what differs from the
 * previous one, {@code suspectLinks} how many backlog items and test cases now wait for someone to confirm they still
 * fit.
 */
@EventType(value = RequirementChanged.TYPE, topic = RequirementChanged.TOPIC)
public record RequirementChanged(
        UUID requirementId,
        String number,
        String title,
        int version,
        List<String> changedFields,
        int suspectLinks,
        String changedBy,
        Instant changedAt)
        implements DomainEvent {

    public static final String TYPE = "kontor.product-development.requirement-changed.v1";
    public static final String TOPIC = "product-development.requirements";

    @Override
    public String aggregateId() {
        return requirementId.toString();
    }
}
