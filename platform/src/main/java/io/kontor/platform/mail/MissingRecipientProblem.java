package io.kontor.platform.mail;

import io.kontor.platform.problem.Problem;
import io.kontor.platform.problem.ProblemException;
import java.util.List;

/**
 * 409: the document is to be sent by mail, but the person it goes to has no address in the named field. Nothing
 * changes; the caller adds the address or asks for the change without delivery where the resource offers that.
 */
public class MissingRecipientProblem extends ProblemException {

    public MissingRecipientProblem(String field, String detail) {
        super(
                409,
                "missing-recipient",
                "No e-mail address to send to",
                detail,
                List.of(new Problem.Violation(field, "no e-mail address")));
    }
}
