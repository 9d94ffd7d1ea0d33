package io.kontor.platform.events.productdevelopment;

import io.kontor.platform.events.DomainEvent;
import io.kontor.platform.events.EventType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A backlog item is DONE. {@code milestoneId} and {@code projectId} name the project milestone it delivers into (null
 * when none); {@code requirements} what it implements, so that project-office can show per milestone the requirements
 * it delivers without asking product development.
 */
@EventType(value = BacklogItemCompleted.TYPE, topic = BacklogItemCompleted.TOPIC)
public record BacklogItemCompleted(
        UUID itemId,
        UUID backlogId,
        String kind,
        String title,
        UUID projectId,
        UUID milestoneId,
        List<RequirementReference> requirements,
        Instant completedAt)
        implements DomainEvent {

    /** A requirement an item implements, as it read when the item was completed. */
    public record RequirementReference(UUID requirementId, String number, String title, int version) {}

    public static final String TYPE = "kontor.product-development.backlog-item-completed.v1";
    public static final String TOPIC = "product-development.backlog";

    @Override
    public String aggregateId() {
        return itemId.toString();
    }
}
