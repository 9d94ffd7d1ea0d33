package io.kontor.platform.events.hr;

import io.kontor.platform.events.DomainEvent;
import io.kontor.platform.events.EventType;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A signed fixed-term contract was extended by a written amendment agreed on {@code agreedOn}, before the term ended
 * (§14(2) sentence 1 TzBfG): the employment now ends on {@code endDate} instead of {@code previousEndDate}; every other
 * term stays as signed. {@code withObjectiveReason} tells an extension resting on a reason of §14(1) TzBfG from one of
 * the at most three without (the reason's text stays in hr).
 */
@EventType(value = ContractExtended.TYPE, topic = ContractExtended.TOPIC)
public record ContractExtended(
        UUID employeeId,
        UUID contractId,
        int extensionNumber,
        LocalDate previousEndDate,
        LocalDate endDate,
        LocalDate agreedOn,
        boolean withObjectiveReason)
        implements DomainEvent {

    public static final String TYPE = "kontor.hr.contract-extended.v1";
    public static final String TOPIC = "hr.employees";

    @Override
    public String aggregateId() {
        return employeeId.toString();
    }
}
