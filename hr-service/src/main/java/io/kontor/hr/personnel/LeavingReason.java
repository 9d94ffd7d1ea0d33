package io.kontor.hr.personnel;

/**
 * Why an employment ends. A reference states the reason only in the words that do the employee no harm; after a
 * dismissal it states none, since the employee may demand that a reference be silent about it (§109(2) GewO: no
 * statement that would hinder the next application).
 */
public enum LeavingReason {
    RESIGNATION("auf eigenen Wunsch"),
    MUTUAL_AGREEMENT("im gegenseitigen Einvernehmen"),
    FIXED_TERM_ENDED("wegen des Endes der vereinbarten Befristung"),
    RETIREMENT("wegen des Eintritts in den Ruhestand"),
    DISMISSAL(null);

    private final String referencePhrase;

    LeavingReason(String referencePhrase) {
        this.referencePhrase = referencePhrase;
    }

    /** How a final reference words it after "scheidet mit Ablauf des …", or null when it says nothing. */
    public String referencePhrase() {
        return referencePhrase;
    }
}
