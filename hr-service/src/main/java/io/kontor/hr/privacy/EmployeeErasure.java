package io.kontor.hr.privacy;

import io.kontor.hr.HrConfig;
import io.kontor.hr.application.Application;
import io.kontor.hr.contract.ContractExtension;
import io.kontor.hr.contract.ContractMail;
import io.kontor.hr.contract.EmploymentContract;
import io.kontor.hr.employee.Employee;
import io.kontor.hr.offboarding.OffboardingTask;
import io.kontor.hr.reference.EmploymentReference;
import io.kontor.platform.events.hr.EmployeeErased;
import io.kontor.platform.outbox.Outbox;
import io.kontor.platform.persistence.Found;
import io.kontor.platform.problem.ConflictProblem;
import io.kontor.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The right to erasure (Art. 17 GDPR) for employees, within the retention duties that forbid it (Art. 17(3)(b) GDPR):
 * the two steps of {@link EmployeeRetention}, by themselves after the periods or on the former employee's request. The
 * first step tells the other services (kontor.hr.employee-erased.v1), which keep no retention duty for the person and
 * forget them at once.
 */
@ApplicationScoped
public class EmployeeErasure {

    @Inject
    BusinessCalendar calendar;

    private static final Logger LOG = Logger.getLogger(EmployeeErasure.class);

    /** Where an employee's file stands; {@code keptUntil} is the last day of the restricted remainder. */
    public record Status(
            UUID employeeId,
            Instant restrictedAt,
            Instant erasedAt,
            LocalDate restrictFrom,
            LocalDate keptUntil,
            List<String> kept,
            List<String> erased) {}

    @Inject
    Clock clock;

    @Inject
    ContractMail contractMail;

    @Inject
    HrConfig config;

    @Inject
    Outbox outbox;

    @Inject
    Erasure candidates;

    /**
     * The former employee asks for erasure: what no law keeps goes now, the rest is restricted, or erased too when the
     * retention has passed. Asking again changes nothing. While employed (no leaving date, or one not yet passed) the
     * file is needed for the employment (Art. 6(1)(b) GDPR, §26(1) BDSG): 409.
     */
    @Transactional
    public Status onRequest(UUID employeeId) {
        Employee employee = Found.lockedById(Employee.class, employeeId, "employee");
        Instant now = Instant.now(clock);
        LocalDate today = LocalDate.ofInstant(now, calendar.zone());
        if (!employee.isErased() && !employee.hasLeftBy(today)) {
            throw new ConflictProblem("employee " + employeeId + " is still employed"
                    + (employee.leavingDate == null ? "" : " until " + employee.leavingDate)
                    + ": the personnel file is needed for the employment (Art. 6(1)(b) GDPR, §26(1) BDSG) and is"
                    + " erased only after it ended (Art. 17(1)(a) GDPR)");
        }
        if (employee.erasureRequestedAt == null) {
            employee.erasureRequestedAt = now;
        }
        apply(employee, now, today, true);
        return status(employee);
    }

    /**
     * Restricts or erases every former employee whose periods have passed.
     *
     * @return how many files changed
     */
    @Transactional
    public int applyRetention() {
        Instant now = Instant.now(clock);
        LocalDate today = LocalDate.ofInstant(now, calendar.zone());
        List<Employee> former = Employee.list("leavingDate < ?1 and erasedAt is null", today);
        int changed = 0;
        for (Employee employee : former) {
            if (apply(employee, now, today, false)) {
                changed++;
            }
        }
        if (changed > 0) {
            LOG.infof("Restricted or erased the personnel files of %d former employees past their retention", changed);
        }
        return changed;
    }

    public Status status(Employee employee) {
        EmployeeRetention.Plan plan = plan(employee);
        return new Status(
                employee.id,
                employee.restrictedAt,
                employee.erasedAt,
                plan == null ? null : plan.restrictFrom(),
                plan == null ? null : plan.keptUntil(),
                employee.isErased() ? List.of() : EmployeeRetention.KEPT_RESTRICTED,
                employee.isRestricted() ? EmployeeRetention.ERASED_AT_RESTRICTION : List.of());
    }

    private EmployeeRetention.Plan plan(Employee employee) {
        return employee.leavingDate == null
                ? null
                : EmployeeRetention.plan(
                        employee.leavingDate,
                        config.privacy().formerEmployeeClaimsPeriod(),
                        config.privacy().formerEmployeeRetention());
    }

    private boolean apply(Employee employee, Instant now, LocalDate today, boolean requested) {
        if (employee.isErased()) {
            return false;
        }
        EmployeeRetention.Plan plan = plan(employee);
        boolean changed = false;
        if (!employee.isRestricted() && (requested || !today.isBefore(plan.restrictFrom()))) {
            restrict(employee, now);
            changed = true;
        }
        if (!today.isBefore(plan.eraseFrom())) {
            erase(employee, now);
            changed = true;
        }
        return changed;
    }

    /** Erases what no law keeps and marks the rest restricted; the other services forget the person now. */
    private void restrict(Employee employee, Instant now) {
        employee.email = null;
        employee.department = null;
        employee.ibanSealed = null;
        employee.leavingReason = null;
        employee.leavingSignedByName = null;
        employee.leavingSignedByPosition = null;
        OffboardingTask.delete("employeeId", employee.id);
        EmploymentReference.update("correctsId = null where employeeId = ?1", employee.id);
        EmploymentReference.delete("employeeId", employee.id);
        if (employee.applicationId != null) {
            Application application = Application.findById(employee.applicationId);
            if (application != null && !application.isErased()) {
                candidates.eraseApplication(application.id);
            }
        }
        employee.restrictedAt = now;
        outbox.publish(new EmployeeErased(employee.id, LocalDate.ofInstant(now, calendar.zone())));
    }

    /**
     * The retention has passed: nothing personal is left, the contracts go, the row stays as an anonymous tombstone.
     */
    private void erase(Employee employee, Instant now) {
        for (EmploymentContract contract : EmploymentContract.of(employee.id)) {
            contractMail.erase(contract.id);
            ContractExtension.delete("contractId", contract.id);
            contract.delete();
        }
        employee.firstName = null;
        employee.lastName = null;
        employee.jobTitle = null;
        employee.birthDateSealed = null;
        employee.addressSealed = null;
        employee.taxIdSealed = null;
        employee.taxIdDigest = null;
        employee.nameBirthDigest = null;
        employee.socialSecurityNumberSealed = null;
        employee.erasedAt = now;
    }
}
