package io.kontor.platform.events.projects;

import io.kontor.platform.events.DomainEvent;
import io.kontor.platform.events.EventType;
import java.util.UUID;

/** A risk reached the escalation threshold. */
@EventType(value = RiskEscalated.TYPE, topic = RiskEscalated.TOPIC)
public record RiskEscalated(
        UUID projectId, UUID riskId, String title, int probability, int impact, int score, String owner)
        implements DomainEvent {

    public static final String TYPE = "kontor.projects.risk-escalated.v1";
    public static final String TOPIC = "projects.projects";

    @Override
    public String aggregateId() {
        return projectId.toString();
    }
}
