package io.kontor.platform.events.hr;

import io.kontor.platform.events.DomainEvent;
import io.kontor.platform.events.EventType;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An employee leaves (or left) on {@code leavingDate}, the last day of employment; project-office takes them out of its
 * staff directory from the day after. The reason stays in hr: it is personnel data nobody else needs.
 */
@EventType(value = EmployeeLeft.TYPE, topic = EmployeeLeft.TOPIC)
public record EmployeeLeft(UUID employeeId, LocalDate leavingDate) implements DomainEvent {

    public static final String TYPE = "kontor.hr.employee-left.v1";
    public static final String TOPIC = "hr.employees";

    @Override
    public String aggregateId() {
        return employeeId.toString();
    }
}
