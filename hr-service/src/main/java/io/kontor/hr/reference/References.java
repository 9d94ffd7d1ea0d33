package io.kontor.hr.reference;

import io.kontor.hr.HrConfig;
import io.kontor.hr.employee.Employee;
import io.kontor.platform.events.hr.ReferenceIssued;
import io.kontor.platform.outbox.Outbox;
import io.kontor.platform.problem.InvalidFieldProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class References {

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    @Inject
    HrConfig config;

    @Transactional
    public EmploymentReference issue(
            UUID employeeId, ReferenceKind kind, Ratings ratings, List<String> tasks, LocalDate leavingDate) {
        // Locked, so that two references issued at once get consecutive versions.
        Employee employee = Employee.getForUpdate(employeeId);
        if (kind == ReferenceKind.FINAL && leavingDate == null) {
            throw new InvalidFieldProblem("leavingDate", "is required for a FINAL reference");
        }
        if (kind == ReferenceKind.INTERIM && leavingDate != null) {
            throw new InvalidFieldProblem(
                    "leavingDate", "must be empty for an INTERIM reference, which is issued during employment");
        }
        if (leavingDate != null && leavingDate.isBefore(employee.startDate)) {
            throw new InvalidFieldProblem("leavingDate", "must not be before the start date " + employee.startDate);
        }
        Instant now = Instant.now(clock);
        List<String> paragraphs = ReferenceText.write(new ReferenceText.Facts(
                kind,
                employee.fullName(),
                employee.jobTitle,
                employee.department,
                employee.startDate,
                leavingDate,
                tasks,
                ratings,
                config.employer().name(),
                config.employer().city(),
                LocalDate.ofInstant(now, config.timeZone())));

        EmploymentReference reference = new EmploymentReference();
        reference.id = UUID.randomUUID();
        reference.employeeId = employeeId;
        reference.kind = kind;
        reference.version = EmploymentReference.nextVersion(employeeId, kind);
        reference.performance = (short) ratings.performance();
        reference.expertise = (short) ratings.expertise();
        reference.reliability = (short) ratings.reliability();
        reference.conduct = (short) ratings.conduct();
        reference.tasks = List.copyOf(tasks);
        reference.leavingDate = leavingDate;
        reference.text = String.join("\n\n", paragraphs);
        reference.issuedAt = now;
        reference.persist();
        outbox.publish(new ReferenceIssued(employeeId, reference.id, kind.name(), reference.version));
        return reference;
    }
}
