package io.kontor.hr.contract;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

public record ContractView(
        UUID id,
        UUID employeeId,
        ContractType contractType,
        String jobTitle,
        LocalDate startDate,
        LocalDate endDate,
        String fixedTermReason,
        BigDecimal annualSalary,
        String currency,
        BigDecimal weeklyHours,
        int probationMonths,
        List<String> noticePeriods,
        EmploymentContract.Status status,
        Instant signedAt,
        LocalDate currentEndDate,
        List<Extension> extensions,
        WrittenTerms writtenTerms,
        List<NachweisDeadline> nachweisDeadlines,
        MinimumWageExemption minimumWageExemption,
        String minimumWageExemptionEvidence) {

    public record Extension(
            int number, LocalDate previousEndDate, LocalDate endDate, String fixedTermReason, LocalDate agreedOn) {}

    /** {@code today} in the employer's calendar decides whether an unsigned contract's NachwG deadline has passed. */
    public static ContractView of(EmploymentContract contract, LocalDate today, ZoneId zone) {
        List<Extension> extensions = ContractExtension.of(contract.id).stream()
                .map(e -> new Extension(e.number, e.previousEndDate, e.endDate, e.fixedTermReason, e.agreedOn))
                .toList();
        return new ContractView(
                contract.id,
                contract.employeeId,
                contract.contractType,
                contract.jobTitle,
                contract.startDate,
                contract.endDate,
                contract.fixedTermReason,
                contract.annualSalary,
                contract.currency,
                contract.weeklyHours,
                contract.probationMonths,
                contract.terms().noticePeriods(),
                contract.status,
                contract.signedAt,
                extensions.isEmpty()
                        ? contract.endDate
                        : extensions.get(extensions.size() - 1).endDate(),
                extensions,
                contract.writtenTerms,
                NachweisDeadline.of(
                        contract.startDate,
                        contract.signedAt == null ? null : LocalDate.ofInstant(contract.signedAt, zone),
                        today),
                contract.minimumWageExemption,
                contract.minimumWageExemptionEvidence);
    }
}
