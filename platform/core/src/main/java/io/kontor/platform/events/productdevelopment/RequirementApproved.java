package io.kontor.platform.events.productdevelopment;

import io.kontor.platform.events.DomainEvent;
import io.kontor.platform.events.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * A requirement was approved: from now on a change makes a new version and marks its links suspect. {@code customerId}
 * and {@code sourceOfferId} are set for a requirement that came from an accepted offer.
 */
@EventType(value = RequirementApproved.TYPE, topic = RequirementApproved.TOPIC)
public record RequirementApproved(
        UUID requirementId,
        String number,
        String title,
        int version,
        String kind,
        String priority,
        UUID customerId,
        UUID sourceOfferId,
        String approvedBy,
        Instant approvedAt)
        implements DomainEvent {

    public static final String TYPE = "kontor.product-development.requirement-approved.v1";
    public static final String TOPIC = "product-development.requirements";

    @Override
    public String aggregateId() {
        return requirementId.toString();
    }
}
