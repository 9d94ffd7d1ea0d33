package io.kontor.platform.events.projects;

import io.kontor.platform.events.DomainEvent;
import io.kontor.platform.events.EventType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A milestone was reached; accounting bills its amount when the offer was billed by milestones. */
@EventType(value = MilestoneCompleted.TYPE, topic = MilestoneCompleted.TOPIC)
public record MilestoneCompleted(
        UUID projectId,
        UUID milestoneId,
        String name,
        UUID offerId,
        UUID customerId,
        BigDecimal amount,
        String currency,
        LocalDate completedOn)
        implements DomainEvent {

    public static final String TYPE = "kontor.projects.milestone-completed.v1";
    public static final String TOPIC = "projects.projects";

    @Override
    public String aggregateId() {
        return projectId.toString();
    }
}
