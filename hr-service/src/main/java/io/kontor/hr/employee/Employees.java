package io.kontor.hr.employee;

import io.kontor.hr.HrConfig;
import io.kontor.hr.contract.InvalidTermsProblem;
import io.kontor.hr.offboarding.Offboarding;
import io.kontor.hr.personnel.LeavingReason;
import io.kontor.hr.personnel.PersonnelFileData;
import io.kontor.hr.personnel.PersonnelFiles;
import io.kontor.platform.events.hr.EmployeeDismissed;
import io.kontor.platform.events.hr.EmployeeLeft;
import io.kontor.platform.events.hr.EmployeeOnboarded;
import io.kontor.platform.outbox.Outbox;
import io.kontor.platform.persistence.Found;
import io.kontor.platform.problem.ConflictProblem;
import io.kontor.platform.problem.Problem;
import io.kontor.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Employees who did not come through an application, personnel files, and the end of an employment. */
@ApplicationScoped
public class Employees {

    @Inject
    BusinessCalendar calendar;

    /** Someone already employed when Kontor came, with or without a leaving date. */
    public record Existing(
            String firstName,
            String lastName,
            String email,
            String jobTitle,
            String department,
            LocalDate startDate,
            PersonnelFileData file,
            LocalDate leavingDate,
            LeavingReason leavingReason) {}

    /** Who signs for the employer. */
    public record Signer(String name, String position) {}

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    @Inject
    PersonnelFiles personnelFiles;

    @Inject
    HrConfig config;

    @Inject
    Offboarding offboarding;

    /**
     * Records an employee already working here (or who did), so that the personnel file is complete and an earlier
     * employment is known when the same person is hired again (§14(2) sentence 2 TzBfG). New staff are hired through
     * their application, which also writes the contract.
     */
    @Transactional
    public Employee importExisting(Existing existing) {
        Instant now = Instant.now(clock);
        LocalDate today = today(now);
        List<Problem.Violation> violations = new ArrayList<>(existing.file().violations(today));
        if (existing.startDate().isAfter(today)) {
            violations.add(new Problem.Violation(
                    "startDate",
                    "must not be after today (" + today + "): new staff are hired through their application"));
        }
        if (existing.leavingDate() != null && existing.leavingDate().isBefore(existing.startDate())) {
            violations.add(new Problem.Violation("leavingDate", "must not be before the start date"));
        }
        if (existing.leavingDate() != null && existing.leavingReason() == null) {
            violations.add(new Problem.Violation("leavingReason", "is required with a leaving date"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidTermsProblem(violations);
        }
        Employee employee = new Employee();
        employee.id = UUID.randomUUID();
        employee.firstName = existing.firstName().strip();
        employee.lastName = existing.lastName().strip();
        employee.email = existing.email().strip();
        employee.jobTitle = existing.jobTitle().strip();
        employee.department = existing.department();
        employee.startDate = existing.startDate();
        employee.createdAt = now;
        employee.leavingDate = existing.leavingDate();
        employee.leavingReason = existing.leavingReason();
        write(employee, existing.file());
        employee.persist();
        outbox.publish(new EmployeeOnboarded(
                employee.id,
                employee.firstName,
                employee.lastName,
                employee.email,
                employee.jobTitle,
                employee.department,
                employee.startDate));
        if (employee.leavingDate != null) {
            outbox.publish(new EmployeeLeft(employee.id, employee.leavingDate));
        }
        return employee;
    }

    /** Replaces the sensitive part of the file; the identity stays required (a hire or import gave one). */
    @Transactional
    public Employee updateFile(UUID employeeId, PersonnelFileData file) {
        Employee employee = Found.lockedById(Employee.class, employeeId, "employee");
        refuseIfRestricted(employee);
        List<Problem.Violation> violations = file.violations(today(Instant.now(clock)));
        if (!violations.isEmpty()) {
            throw new InvalidTermsProblem(violations);
        }
        write(employee, file);
        return employee;
    }

    /**
     * Records the end of the employment: the last day, why, and who signed it for the employer (who will also sign the
     * final reference); opens the offboarding checklist. Once recorded it does not change; a mistake is corrected in
     * the database by hand, since the event has told project-office already.
     */
    @Transactional
    public Employee leave(UUID employeeId, LocalDate leavingDate, LeavingReason reason, Signer signer) {
        return leave(employeeId, leavingDate, reason, null, signer);
    }

    /**
     * As above; for a dismissal by the employer also the day the notice reached the employee (Zugang, §130 BGB; the day
     * of recording when not given), which starts the three weeks of §4 KSchG that legal watches (employee-dismissed).
     */
    @Transactional
    public Employee leave(
            UUID employeeId, LocalDate leavingDate, LeavingReason reason, LocalDate noticeReceivedOn, Signer signer) {
        LocalDate today = today(Instant.now(clock));
        if (noticeReceivedOn != null && reason != LeavingReason.DISMISSAL) {
            throw new InvalidTermsProblem(List.of(new Problem.Violation(
                    "noticeReceivedOn", "is recorded for a dismissal by the employer only (reason DISMISSAL)")));
        }
        if (noticeReceivedOn != null && noticeReceivedOn.isAfter(today)) {
            throw new InvalidTermsProblem(List.of(new Problem.Violation(
                    "noticeReceivedOn",
                    "must not be in the future: record the dismissal once the notice was received")));
        }
        if (noticeReceivedOn != null && noticeReceivedOn.isAfter(leavingDate)) {
            throw new InvalidTermsProblem(List.of(
                    new Problem.Violation("noticeReceivedOn", "must not be after the leaving date " + leavingDate)));
        }
        Employee employee = Found.lockedById(Employee.class, employeeId, "employee");
        refuseIfRestricted(employee);
        if (employee.leavingDate != null) {
            throw new ConflictProblem("employee " + employeeId + " already leaves on " + employee.leavingDate + " ("
                    + employee.leavingReason + ")");
        }
        if (leavingDate.isBefore(employee.startDate)) {
            throw new InvalidTermsProblem(List.of(
                    new Problem.Violation("leavingDate", "must not be before the start date " + employee.startDate)));
        }
        employee.leavingDate = leavingDate;
        employee.leavingReason = reason;
        employee.leavingSignedByName = signer.name().strip();
        employee.leavingSignedByPosition = signer.position().strip();
        outbox.publish(new EmployeeLeft(employee.id, leavingDate));
        if (reason == LeavingReason.DISMISSAL) {
            employee.noticeReceivedOn = noticeReceivedOn == null ? today : noticeReceivedOn;
            outbox.publish(new EmployeeDismissed(
                    employee.id,
                    employee.firstName,
                    employee.lastName,
                    employee.department,
                    employee.noticeReceivedOn,
                    leavingDate,
                    employee.leavingSignedByName));
        }
        offboarding.open(employee, today);
        return employee;
    }

    /** A restricted file is only kept (Art. 18(2) GDPR): nothing in it changes any more. */
    private static void refuseIfRestricted(Employee employee) {
        if (employee.isRestricted()) {
            throw new ConflictProblem("the personnel file of employee " + employee.id + " is restricted since "
                    + employee.restrictedAt + " (Art. 18 GDPR): it is kept for the statutory retention only");
        }
    }

    private void write(Employee employee, PersonnelFileData file) {
        personnelFiles.recordIdentity(employee, file.identity());
        personnelFiles.recordAddress(employee, file.address());
        personnelFiles.recordBankAndInsurance(employee, file.normalisedSocialSecurityNumber(), file.iban());
    }

    private LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, calendar.zone());
    }
}
