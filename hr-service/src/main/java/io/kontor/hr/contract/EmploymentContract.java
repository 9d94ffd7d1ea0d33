package io.kontor.hr.contract;

import io.kontor.platform.problem.ConflictProblem;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Entity
public class EmploymentContract extends PanacheEntityBase {

    public enum Status {
        DRAFT,
        /** Its signing waits for a second person of HR (four eyes, {@link ContractSigning}). */
        PENDING_APPROVAL,
        SIGNED
    }

    @Id
    public UUID id;

    public UUID employeeId;

    @Enumerated(EnumType.STRING)
    public ContractType contractType;

    public String jobTitle;
    public LocalDate startDate;
    public LocalDate endDate;
    public String fixedTermReason;
    public BigDecimal annualSalary;
    public String currency;
    public BigDecimal weeklyHours;
    public int probationMonths;

    @Enumerated(EnumType.STRING)
    public Status status;

    public Instant createdAt;
    public Instant signedAt;

    /** Null for contracts drafted before the NachwG items were kept. */
    @Convert(converter = WrittenTermsJson.class)
    @Column(columnDefinition = "text")
    public WrittenTerms writtenTerms;

    public String employeeAddressSealed;

    /** The §22 MiLoG exemption the hire claimed, if any, and what proves it. */
    @Enumerated(EnumType.STRING)
    public MinimumWageExemption minimumWageExemption;

    public String minimumWageExemptionEvidence;
    public LocalDate unemployedSince;

    /** A signed contract is what both sides agreed: from then on nothing in it changes. */
    public void sign(Instant now) {
        if (status != Status.DRAFT) {
            throw new ConflictProblem("contract " + id + " is already " + status + " and cannot change any more");
        }
        status = Status.SIGNED;
        signedAt = now;
    }

    /** The end after all extensions; the signed {@link #endDate} stays as it was agreed. */
    public LocalDate currentEndDate() {
        List<ContractExtension> extensions = ContractExtension.of(id);
        return extensions.isEmpty() ? endDate : extensions.get(extensions.size() - 1).endDate;
    }

    public ContractTerms terms() {
        return new ContractTerms(
                contractType, startDate, endDate, fixedTermReason, annualSalary, weeklyHours, probationMonths);
    }

    public static List<EmploymentContract> of(UUID employeeId) {
        return list("employeeId = ?1 order by createdAt", employeeId);
    }
}
