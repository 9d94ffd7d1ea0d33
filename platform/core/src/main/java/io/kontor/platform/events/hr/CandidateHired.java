package io.kontor.platform.events.hr;

import io.kontor.platform.events.DomainEvent;
import io.kontor.platform.events.EventType;
import java.time.LocalDate;
import java.util.UUID;

/** A candidate was hired; staffingRequestId names the project-office request this hire fills, if any. */
@EventType(value = CandidateHired.TYPE, topic = CandidateHired.TOPIC)
public record CandidateHired(
        UUID applicationId,
        UUID jobOpeningId,
        UUID employeeId,
        UUID staffingRequestId,
        String jobTitle,
        LocalDate startDate)
        implements DomainEvent {

    public static final String TYPE = "kontor.hr.candidate-hired.v1";
    public static final String TOPIC = "hr.applications";

    @Override
    public String aggregateId() {
        return applicationId.toString();
    }
}
