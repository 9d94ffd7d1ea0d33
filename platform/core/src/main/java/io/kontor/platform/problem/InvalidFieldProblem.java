package io.kontor.platform.problem;

import java.util.List;

/** 400 for a rule that bean validation cannot express (a VAT id's format, an unknown SKU), naming the field. */
public class InvalidFieldProblem extends ProblemException {

    public InvalidFieldProblem(String field, String message) {
        super(
                400,
                "validation-failed",
                "Invalid request",
                field + ": " + message,
                List.of(new Problem.Violation(field, message)));
    }
}
