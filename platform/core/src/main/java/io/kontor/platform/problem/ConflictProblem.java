package io.kontor.platform.problem;

/** 409: the request is well-formed but not allowed in the resource's current state. */
public class ConflictProblem extends ProblemException {

    public ConflictProblem(String detail) {
        super(409, "conflict", "Not allowed in the current state", detail, null);
    }

    /** 409 naming the field whose value the current state does not allow (a milestone amount beyond the offer). */
    public ConflictProblem(String field, String detail) {
        super(
                409,
                "conflict",
                "Not allowed in the current state",
                field + ": " + detail,
                java.util.List.of(new Problem.Violation(field, detail)));
    }
}
