package io.kontor.platform.events.hr;

import io.kontor.platform.events.DomainEvent;
import io.kontor.platform.events.EventType;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A former employee's personal data was erased in hr on {@code erasedOn}, by request or after the retention period
 * (Art. 17 GDPR); hr keeps only what a statutory retention duty requires, restricted. Every service holding a copy of
 * the person (project-office's staff directory, minutes, kickoffs) erases or anonymises it (Art. 19 GDPR). Carries no
 * name: a consumer finds the person in its own copy by the id.
 */
@EventType(value = EmployeeErased.TYPE, topic = EmployeeErased.TOPIC)
public record EmployeeErased(UUID employeeId, LocalDate erasedOn) implements DomainEvent {

    public static final String TYPE = "kontor.hr.employee-erased.v1";
    public static final String TOPIC = "hr.employees";

    @Override
    public String aggregateId() {
        return employeeId.toString();
    }
}
