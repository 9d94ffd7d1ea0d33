package io.kontor.hr.application;

/**
 * Where an application stands in the selection. It moves one step forward at a time, or out to REJECTED (our decision)
 * or WITHDRAWN (the candidate's) from any open stage; HIRED, REJECTED and WITHDRAWN are final.
 */
public enum Stage {
    RECEIVED,
    SCREENING,
    INTERVIEW,
    OFFER,
    HIRED,
    REJECTED,
    WITHDRAWN;

    public boolean isOpen() {
        return this != HIRED && this != REJECTED && this != WITHDRAWN;
    }

    /** The one stage an application advances to from this one, or null from a final stage. */
    public Stage next() {
        return switch (this) {
            case RECEIVED -> SCREENING;
            case SCREENING -> INTERVIEW;
            case INTERVIEW -> OFFER;
            case OFFER -> HIRED;
            case HIRED, REJECTED, WITHDRAWN -> null;
        };
    }

    public boolean canMoveTo(Stage target) {
        return isOpen() && (target == REJECTED || target == WITHDRAWN || target == next());
    }
}
