package io.kontor.hr.contract;

import io.kontor.platform.problem.Problem;
import io.kontor.platform.problem.ProblemException;
import java.util.List;

/**
 * 409: the request is well-formed, but the law forbids it in the contract's present state (signing a fixed term after
 * work began, a fourth extension). Names the field the caller would have to change and, in the message, the rule.
 */
public class LegalConflictProblem extends ProblemException {

    public LegalConflictProblem(String field, String message) {
        super(
                409,
                "conflict",
                "Not allowed in the current state",
                field + ": " + message,
                List.of(new Problem.Violation(field, message)));
    }
}
