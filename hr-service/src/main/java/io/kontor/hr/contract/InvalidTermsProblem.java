package io.kontor.hr.contract;

import io.kontor.platform.problem.Problem;
import io.kontor.platform.problem.ProblemException;
import java.util.List;
import java.util.stream.Collectors;

/** 400 listing every broken contract rule at once, so that HR fixes a draft in one go. */
public class InvalidTermsProblem extends ProblemException {

    public InvalidTermsProblem(List<Problem.Violation> violations) {
        super(
                400,
                "validation-failed",
                "Invalid request",
                violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; ")),
                violations);
    }
}
