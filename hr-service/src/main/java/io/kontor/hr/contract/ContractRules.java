package io.kontor.hr.contract;

import io.kontor.hr.HrConfig;
import io.kontor.platform.problem.Problem;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The rules a contract's terms must keep, the fixed ones of {@link ContractTerms} and those from configuration. */
@ApplicationScoped
public class ContractRules {

    @Inject
    HrConfig config;

    private MinimumWageTable minimumWage;

    @PostConstruct
    void readTables() {
        // Parsed once at start, so a wrong entry stops the service instead of failing the first hire.
        minimumWage = MinimumWageTable.parse(config.minimumWage());
    }

    public List<Problem.Violation> violations(ContractTerms terms) {
        return violations(terms, null, null);
    }

    /**
     * The terms' violations with a claimed exemption from the minimum wage (§22 MiLoG): one that covers the whole term
     * lifts the minimum-wage check, one that does not is named in the refusal.
     */
    public List<Problem.Violation> violations(
            ContractTerms terms, MinimumWageExemption.Claim exemption, LocalDate birthDate) {
        return violations(minimumWage, terms, exemption, birthDate);
    }

    static List<Problem.Violation> violations(
            MinimumWageTable minimumWage,
            ContractTerms terms,
            MinimumWageExemption.Claim exemption,
            LocalDate birthDate) {
        List<Problem.Violation> violations = new ArrayList<>(terms.violations());
        if (terms.startDate() == null) {
            return violations;
        }
        MinimumWageExemption.Assessment assessment = MinimumWageExemption.assess(exemption, terms, birthDate);
        violations.addAll(assessment.violations());
        if (!assessment.violations().isEmpty() || assessment.coversWholeTerm()) {
            return violations;
        }
        minimumWage
                .check(terms)
                .map(v -> assessment.uncoveredBecause() == null
                        ? v
                        : new Problem.Violation(v.field(), v.message() + "; " + assessment.uncoveredBecause()))
                .ifPresent(violations::add);
        return violations;
    }

    public MinimumWageTable minimumWage() {
        return minimumWage;
    }
}
