package io.kontor.hr.reference;

import io.kontor.hr.HrConfig;
import io.kontor.hr.contract.LegalConflictProblem;
import io.kontor.hr.employee.Employee;
import io.kontor.hr.offboarding.Offboarding;
import io.kontor.hr.offboarding.OffboardingStep;
import io.kontor.platform.events.hr.ReferenceIssued;
import io.kontor.platform.outbox.Outbox;
import io.kontor.platform.persistence.Found;
import io.kontor.platform.problem.InvalidFieldProblem;
import io.kontor.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Issues references (§109 GewO) and corrects them. A final reference carries the last day of employment as its date, an
 * interim one the day it is issued; a correction carries the date of the reference it corrects (settled BAG case law: a
 * later date would betray that there was a dispute). Versions are counted, but no version is printed.
 */
@ApplicationScoped
public class References {

    @Inject
    BusinessCalendar calendar;

    /** Who signs for the employer: a name and a position above the employee's, as the BAG asks. */
    public record Signer(String name, String position) {}

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    @Inject
    HrConfig config;

    @Inject
    Offboarding offboarding;

    /** @param signer who signs; for a FINAL reference null means the one who signed the end of the employment */
    @Transactional
    public EmploymentReference issue(
            UUID employeeId, ReferenceKind kind, Ratings ratings, List<String> tasks, Signer signer) {
        // Locked, so that two references issued at once get consecutive versions.
        Employee employee = Found.lockedById(Employee.class, employeeId, "employee");
        LocalDate today = calendar.today();
        if (kind == ReferenceKind.FINAL) {
            if (employee.leavingDate == null) {
                throw new LegalConflictProblem(
                        "kind",
                        "a final reference (§109(1) GewO) is issued when the employment ends; record the leaving"
                                + " first (POST /employees/" + employeeId + "/leaving)");
            }
            EmploymentReference reference = write(
                    employee,
                    kind,
                    ratings,
                    tasks,
                    employee.leavingDate,
                    signerOrLeavingSigner(signer, employee),
                    null);
            offboarding.doneIfOpen(employeeId, OffboardingStep.FINAL_REFERENCE);
            return reference;
        }
        if (employee.hasLeftBy(today)) {
            throw new LegalConflictProblem(
                    "kind",
                    "the employment ended on " + employee.leavingDate + "; an interim reference is for a"
                            + " running employment, a leaver gets a FINAL one");
        }
        if (signer == null) {
            throw new InvalidFieldProblem("signedBy", "is required: who signs the reference, with the position");
        }
        return write(employee, kind, ratings, tasks, today, signer, null);
    }

    /**
     * A corrected reference: new ratings or tasks, the same kind and the same date as the one it corrects, and the same
     * signer unless another is named. The corrected one stays on file.
     */
    @Transactional
    public EmploymentReference correct(UUID referenceId, Ratings ratings, List<String> tasks, Signer signer) {
        EmploymentReference original = Found.byId(EmploymentReference.class, referenceId, "reference");
        Employee employee = Found.lockedById(Employee.class, original.employeeId, "employee");
        Signer signedBy = signer != null
                ? signer
                : original.signedByName == null
                        ? signerOrLeavingSigner(null, employee)
                        : new Signer(original.signedByName, original.signedByPosition);
        LocalDate datedOn =
                original.datedOn != null ? original.datedOn : LocalDate.ofInstant(original.issuedAt, calendar.zone());
        return write(employee, original.kind, ratings, tasks, datedOn, signedBy, original.id);
    }

    private Signer signerOrLeavingSigner(Signer signer, Employee employee) {
        if (signer != null) {
            return signer;
        }
        if (employee.leavingSignedByName == null) {
            throw new InvalidFieldProblem("signedBy", "is required: who signs the reference, with the position");
        }
        return new Signer(employee.leavingSignedByName, employee.leavingSignedByPosition);
    }

    private EmploymentReference write(
            Employee employee,
            ReferenceKind kind,
            Ratings ratings,
            List<String> tasks,
            LocalDate datedOn,
            Signer signer,
            UUID correctsId) {
        boolean isFinal = kind == ReferenceKind.FINAL;
        List<String> paragraphs = ReferenceText.write(new ReferenceText.Facts(
                kind,
                employee.fullName(),
                employee.jobTitle,
                employee.department,
                employee.startDate,
                isFinal ? employee.leavingDate : null,
                isFinal && employee.leavingReason != null ? employee.leavingReason.referencePhrase() : null,
                tasks,
                ratings,
                config.employer().city(),
                datedOn));

        EmploymentReference reference = new EmploymentReference();
        reference.id = UUID.randomUUID();
        reference.employeeId = employee.id;
        reference.kind = kind;
        reference.version = EmploymentReference.nextVersion(employee.id, kind);
        reference.performance = (short) ratings.performance();
        reference.expertise = (short) ratings.expertise();
        reference.reliability = (short) ratings.reliability();
        reference.conduct = (short) ratings.conduct();
        reference.tasks = List.copyOf(tasks);
        reference.leavingDate = isFinal ? employee.leavingDate : null;
        reference.text = String.join("\n\n", paragraphs);
        reference.issuedAt = Instant.now(clock);
        reference.datedOn = datedOn;
        reference.correctsId = correctsId;
        reference.signedByName = signer.name().strip();
        reference.signedByPosition = signer.position().strip();
        reference.persist();
        outbox.publish(new ReferenceIssued(employee.id, reference.id, kind.name(), reference.version));
        return reference;
    }
}
