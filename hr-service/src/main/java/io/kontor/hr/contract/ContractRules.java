package io.kontor.hr.contract;

import io.kontor.hr.HrConfig;
import io.kontor.platform.problem.Problem;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
        List<Problem.Violation> violations = new ArrayList<>(terms.violations());
        minimumWage.check(terms).ifPresent(violations::add);
        return violations;
    }

    public MinimumWageTable minimumWage() {
        return minimumWage;
    }
}
