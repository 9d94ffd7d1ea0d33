package io.kontor.platform.problem;

/** 404: the addressed resource does not exist (or the caller may not know that it does). */
public class NotFoundProblem extends ProblemException {

    public NotFoundProblem(String what, Object id) {
        super(404, "not-found", "Not found", what + " " + id + " does not exist", null);
    }
}
