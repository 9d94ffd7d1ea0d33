package io.kontor.hr.employee;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

public record EmployeeView(
        UUID id,
        String firstName,
        String lastName,
        String email,
        String jobTitle,
        String department,
        LocalDate startDate,
        UUID applicationId,
        LocalDate leavingDate,
        Instant restrictedAt,
        Instant erasedAt) {

    public static EmployeeView of(Employee employee) {
        return new EmployeeView(
                employee.id,
                employee.firstName,
                employee.lastName,
                employee.email,
                employee.jobTitle,
                employee.department,
                employee.startDate,
                employee.applicationId,
                employee.leavingDate,
                employee.restrictedAt,
                employee.erasedAt);
    }
}
