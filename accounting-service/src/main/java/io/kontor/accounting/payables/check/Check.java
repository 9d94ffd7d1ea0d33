package io.kontor.accounting.payables.check;

/** The outcome of one check of an incoming invoice. */
public record Check(String name, Outcome outcome, String message) {

    public enum Outcome {
        OK,
        /** For a person to look at; does not block approval. */
        WARNING,
        /** Blocks approval until the invoice is corrected (a new invoice from the supplier). */
        FAILED,
        /** Nothing to check (e.g. no order reference given). */
        NOT_APPLICABLE
    }

    public static Check ok(String name, String message) {
        return new Check(name, Outcome.OK, message);
    }

    public static Check warning(String name, String message) {
        return new Check(name, Outcome.WARNING, message);
    }

    public static Check failed(String name, String message) {
        return new Check(name, Outcome.FAILED, message);
    }

    public static Check notApplicable(String name, String message) {
        return new Check(name, Outcome.NOT_APPLICABLE, message);
    }
}
