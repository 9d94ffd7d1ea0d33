package io.kontor.platform.events.process;

import io.kontor.platform.events.DomainEvent;
import io.kontor.platform.events.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * A case of a monitored process has been waiting longer than its process's SLA since its last step. Published once per
 * breach: the case breaches again only after a new step and another wait beyond the SLA.
 */
@EventType(value = CaseSlaBreached.TYPE, topic = CaseSlaBreached.TOPIC)
public record CaseSlaBreached(
        UUID caseId,
        String process,
        String rootObject,
        String lastStep,
        Instant lastStepAt,
        String sla,
        Instant breachedAt)
        implements DomainEvent {

    public static final String TYPE = "kontor.process.case-sla-breached.v1";
    public static final String TOPIC = "process.cases";

    @Override
    public String aggregateId() {
        return caseId.toString();
    }
}
