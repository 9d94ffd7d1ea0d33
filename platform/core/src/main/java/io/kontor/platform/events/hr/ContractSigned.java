package io.kontor.platform.events.hr;

import io.kontor.platform.events.DomainEvent;
import io.kontor.platform.events.EventType;
import java.time.LocalDate;
import java.util.UUID;

/** An employment contract was signed and is now immutable. */
@EventType(value = ContractSigned.TYPE, topic = ContractSigned.TOPIC)
public record ContractSigned(
        UUID employeeId, UUID contractId, String contractType, LocalDate startDate, LocalDate endDate)
        implements DomainEvent {

    public static final String TYPE = "kontor.hr.contract-signed.v1";
    public static final String TOPIC = "hr.employees";

    @Override
    public String aggregateId() {
        return employeeId.toString();
    }
}
