package io.kontor.platform.events.hr;

import io.kontor.platform.events.DomainEvent;
import io.kontor.platform.events.EventType;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The employer dismissed an employee (Kündigung durch den Arbeitgeber): the notice reached the employee on
 * {@code noticeReceivedOn}, the employment ends on {@code leavingDate}. Legal watches the three weeks in which the
 * employee may sue (§4 KSchG). Published next to {@link EmployeeLeft}; it names the person, since legal must know whom
 * a claim would come from (Art. 6 (1) (f), Art. 9 (2) (f) GDPR: defence of legal claims), and nothing else of the file.
 */
@EventType(value = EmployeeDismissed.TYPE, topic = EmployeeDismissed.TOPIC)
public record EmployeeDismissed(
        UUID employeeId,
        String firstName,
        String lastName,
        String department,
        LocalDate noticeReceivedOn,
        LocalDate leavingDate,
        String signedBy)
        implements DomainEvent {

    public static final String TYPE = "kontor.hr.employee-dismissed.v1";
    public static final String TOPIC = "hr.employees";

    @Override
    public String aggregateId() {
        return employeeId.toString();
    }
}
