package io.kontor.hr.employee;

import io.kontor.hr.HrConfig;
import io.kontor.hr.application.Application;
import io.kontor.hr.contract.ContractRules;
import io.kontor.hr.contract.ContractTerms;
import io.kontor.hr.contract.EmploymentContract;
import io.kontor.hr.contract.FixedTermRules;
import io.kontor.hr.contract.InvalidTermsProblem;
import io.kontor.hr.contract.MinimumWageExemption;
import io.kontor.hr.contract.WrittenTerms;
import io.kontor.hr.opening.JobOpening;
import io.kontor.hr.personnel.Identity;
import io.kontor.hr.personnel.PersonnelFiles;
import io.kontor.hr.personnel.PostalAddress;
import io.kontor.platform.events.hr.CandidateHired;
import io.kontor.platform.events.hr.EmployeeOnboarded;
import io.kontor.platform.outbox.Outbox;
import io.kontor.platform.persistence.Found;
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

/** Hiring a candidate who has an offer: the employee and a draft employment contract come into being together. */
@ApplicationScoped
public class Hiring {

    @Inject
    BusinessCalendar calendar;

    public record Hire(Employee employee, EmploymentContract contract) {}

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    @Inject
    ContractRules rules;

    @Inject
    PersonnelFiles personnelFiles;

    @Inject
    HrConfig config;

    /**
     * @param staffingRequestId the project-office request this hire fills; when null, the one the opening was drafted
     *     for
     */
    @Transactional
    public Hire hire(
            UUID applicationId,
            ContractTerms terms,
            Identity identity,
            PostalAddress employeeAddress,
            WrittenTerms givenTerms,
            UUID staffingRequestId,
            MinimumWageExemption.Claim minimumWageExemption) {
        Instant now = Instant.now(clock);
        List<Problem.Violation> violations =
                new ArrayList<>(rules.violations(terms, minimumWageExemption, identity.birthDate()));
        violations.addAll(identity.violations(LocalDate.ofInstant(now, calendar.zone())));
        Application application = Found.lockedById(Application.class, applicationId, "application");
        JobOpening opening = JobOpening.findById(application.jobOpeningId);
        WrittenTerms writtenTerms = givenTerms.withDefaults(config.contractDefaults(), opening.location, opening.title);
        violations.addAll(writtenTerms.violations());
        if (!violations.isEmpty()) {
            throw new InvalidTermsProblem(violations);
        }
        application.hire(now);

        Employee employee = new Employee();
        employee.id = UUID.randomUUID();
        employee.applicationId = application.id;
        employee.firstName = application.firstName;
        employee.lastName = application.lastName;
        employee.email = application.email;
        employee.jobTitle = opening.title;
        employee.department = opening.department;
        employee.startDate = terms.startDate();
        employee.createdAt = now;
        personnelFiles.recordIdentity(employee, identity);
        personnelFiles.recordAddress(employee, employeeAddress);
        employee.persist();
        // Thrown inside the transaction: the employee, the contract and the hire roll back, nothing is stored.
        FixedTermRules.earlierEmployment(
                        terms.type(), terms.fixedTermReason(), personnelFiles.employedBefore(employee, identity))
                .ifPresent(refusal -> {
                    throw refusal.problem();
                });

        EmploymentContract contract = new EmploymentContract();
        contract.id = UUID.randomUUID();
        contract.employeeId = employee.id;
        contract.contractType = terms.type();
        contract.jobTitle = opening.title;
        contract.startDate = terms.startDate();
        contract.endDate = terms.endDate();
        contract.fixedTermReason = terms.fixedTermReason();
        contract.annualSalary = terms.annualSalary();
        contract.currency = "EUR";
        contract.weeklyHours = terms.weeklyHours();
        contract.probationMonths = terms.probationMonths();
        contract.status = EmploymentContract.Status.DRAFT;
        contract.createdAt = now;
        contract.writtenTerms = writtenTerms;
        if (minimumWageExemption != null && minimumWageExemption.exemption() != null) {
            contract.minimumWageExemption = minimumWageExemption.exemption();
            contract.minimumWageExemptionEvidence = minimumWageExemption.evidence();
            contract.unemployedSince = minimumWageExemption.unemployedSince();
        }
        personnelFiles.recordContractAddress(contract, employeeAddress);
        contract.persist();

        UUID filledRequest = staffingRequestId != null ? staffingRequestId : opening.staffingRequestId;
        outbox.publish(new CandidateHired(
                application.id, opening.id, employee.id, filledRequest, opening.title, terms.startDate()));
        outbox.publish(new EmployeeOnboarded(
                employee.id,
                employee.firstName,
                employee.lastName,
                employee.email,
                employee.jobTitle,
                employee.department,
                employee.startDate));
        return new Hire(employee, contract);
    }
}
