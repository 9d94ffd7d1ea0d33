package io.kontor.accounting.payables;

import io.kontor.platform.problem.Problem;
import io.kontor.platform.problem.ProblemException;
import java.util.List;

/** 422: the file was received and kept, but it is no valid e-invoice; the violations are the validator's findings. */
public class RejectedInvoiceProblem extends ProblemException {

    public RejectedInvoiceProblem(String detail, List<Problem.Violation> violations) {
        super(422, "invalid-e-invoice", "The e-invoice is not valid", detail, violations);
    }
}
