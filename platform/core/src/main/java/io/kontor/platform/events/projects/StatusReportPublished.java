package io.kontor.platform.events.projects;

import io.kontor.platform.events.DomainEvent;
import io.kontor.platform.events.EventType;
import java.time.LocalDate;
import java.util.UUID;

/** A project status report was published. */
@EventType(value = StatusReportPublished.TYPE, topic = StatusReportPublished.TOPIC)
public record StatusReportPublished(
        UUID projectId,
        UUID reportId,
        String rag,
        int openRisks,
        int escalatedRisks,
        int overdueActionItems,
        LocalDate reportDate)
        implements DomainEvent {

    public static final String TYPE = "kontor.projects.status-report-published.v1";
    public static final String TOPIC = "projects.projects";

    @Override
    public String aggregateId() {
        return projectId.toString();
    }
}
