package io.kontor.legal.document;

import io.kontor.platform.problem.InvalidFieldProblem;
import java.time.LocalDate;
import java.util.Optional;

/** When a version may take effect: the rules of publishing, without a database. */
final class Publication {

    private Publication() {}

    /**
     * A version takes effect today or later - never in the past, since customers may have contracted under the old
     * wording meanwhile (§305 (2) BGB: terms bind only if the customer could take note of them when contracting) - and
     * after the version it supersedes, so that exactly one version is in force on any day.
     */
    static void checkEffectiveFrom(LocalDate effectiveFrom, LocalDate today, Optional<DocumentVersion> latest) {
        if (effectiveFrom == null) {
            throw new InvalidFieldProblem("effectiveFrom", "must be given: the day the version takes effect");
        }
        if (effectiveFrom.isBefore(today)) {
            throw new InvalidFieldProblem(
                    "effectiveFrom", "must not be in the past (today is " + today + "): " + effectiveFrom);
        }
        latest.filter(previous -> !effectiveFrom.isAfter(previous.effectiveFrom))
                .ifPresent(previous -> {
                    throw new InvalidFieldProblem(
                            "effectiveFrom",
                            "must be after " + previous.effectiveFrom + ", when version " + previous.version
                                    + " takes effect");
                });
    }
}
