package io.kontor.platform.events.hr;

import io.kontor.platform.events.DomainEvent;
import io.kontor.platform.events.EventType;
import java.time.LocalDate;
import java.util.UUID;

/** A new employee joined; project-office adds them to its staff directory. */
@EventType(value = EmployeeOnboarded.TYPE, topic = EmployeeOnboarded.TOPIC)
public record EmployeeOnboarded(
        UUID employeeId,
        String firstName,
        String lastName,
        String email,
        String jobTitle,
        String department,
        LocalDate startDate)
        implements DomainEvent {

    public static final String TYPE = "kontor.hr.employee-onboarded.v1";
    public static final String TOPIC = "hr.employees";

    @Override
    public String aggregateId() {
        return employeeId.toString();
    }
}
