package io.kontor.platform.events.productdevelopment;

import io.kontor.platform.events.DomainEvent;
import io.kontor.platform.events.EventType;
import java.time.Instant;
import java.util.UUID;

/** Every test case of the requirement's {@code version} last passed and none of its links is suspect. */
@EventType(value = RequirementVerified.TYPE, topic = RequirementVerified.TOPIC)
public record RequirementVerified(
        UUID requirementId, String number, int version, int testCases, String verifiedBy, Instant verifiedAt)
        implements DomainEvent {

    public static final String TYPE = "kontor.product-development.requirement-verified.v1";
    public static final String TOPIC = "product-development.requirements";

    @Override
    public String aggregateId() {
        return requirementId.toString();
    }
}
