package io.kontor.hr.contract;

import io.kontor.platform.problem.Problem;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The Teilzeit- und Befristungsgesetz's rules for fixed terms that depend on time and history rather than on the terms
 * alone (those are in {@link ContractTerms}). Each answers the refusal or nothing.
 */
public final class FixedTermRules {

    /**
     * §14(2) sentence 1 TzBfG: within the two years a fixed term without reason may be extended three times at most.
     */
    public static final int MAX_EXTENSIONS_WITHOUT_REASON = 3;

    /** A refusal: 400 for a wrong request, 409 for one the law forbids now. */
    public record Refusal(int status, String field, String message) {

        public RuntimeException problem() {
            return status == 409
                    ? new LegalConflictProblem(field, message)
                    : new InvalidTermsProblem(List.of(new Problem.Violation(field, message)));
        }
    }

    private FixedTermRules() {}

    /**
     * §14(4) TzBfG: a fixed term needs the written form before work begins; signed later, the term is void and the
     * contract is deemed permanent (§16 TzBfG). Kontor does not know the hour work starts on the first day, so signing
     * on the start date is refused too: if work began first, the signature comes too late.
     */
    public static Optional<Refusal> signing(ContractType type, LocalDate startDate, LocalDate today) {
        if (type != ContractType.FIXED_TERM || today.isBefore(startDate)) {
            return Optional.empty();
        }
        return Optional.of(new Refusal(
                409,
                "startDate",
                "a fixed term must be signed before work begins on " + startDate
                        + " (written form, §14(4) TzBfG); signed on or after that day the term is void and the"
                        + " contract permanent (§16 TzBfG). Sign a permanent contract, or agree a later start"));
    }

    /**
     * Extending a signed fixed term to {@code newEndDate} on {@code today}.
     *
     * @param reason the contract's objective reason (§14(1) TzBfG), null for a term without reason
     * @param newReason the reason the extension names; an extension of a term with reason needs its own
     * @param extensionsSoFar how many extensions the contract already has
     */
    public static Optional<Refusal> extension(
            LocalDate startDate,
            LocalDate currentEndDate,
            String reason,
            int extensionsSoFar,
            LocalDate today,
            LocalDate newEndDate,
            String newReason) {
        if (newEndDate == null || !newEndDate.isAfter(currentEndDate)) {
            return Optional.of(new Refusal(400, "endDate", "must be after the current end " + currentEndDate));
        }
        if (today.isAfter(currentEndDate)) {
            return Optional.of(new Refusal(
                    409,
                    "endDate",
                    "the term ended on " + currentEndDate + "; an extension must be agreed while it runs (§14(2)"
                            + " sentence 1 TzBfG), afterwards only a new contract is possible, and a new fixed term"
                            + " without reason is barred by the earlier employment (§14(2) sentence 2 TzBfG)"));
        }
        if (!isBlank(reason)) {
            if (isBlank(newReason)) {
                return Optional.of(new Refusal(
                        400,
                        "fixedTermReason",
                        "is required: the contract's term rests on an objective reason (§14(1) TzBfG), and so must"
                                + " its extension"));
            }
            return Optional.empty();
        }
        if (extensionsSoFar >= MAX_EXTENSIONS_WITHOUT_REASON) {
            return Optional.of(new Refusal(
                    409,
                    "endDate",
                    "a fixed term without objective reason may be extended at most " + MAX_EXTENSIONS_WITHOUT_REASON
                            + " times (§14(2) sentence 1 TzBfG); it has been extended " + extensionsSoFar + " times"));
        }
        LocalDate lastDay = ContractTerms.lastDayOfTwoYears(startDate);
        if (newEndDate.isAfter(lastDay)) {
            return Optional.of(new Refusal(
                    409,
                    "endDate",
                    "a fixed term without objective reason may last at most two years in total, extensions"
                            + " included (§14(2) sentence 1 TzBfG): here until " + lastDay));
        }
        return Optional.empty();
    }

    /** §14(2) sentence 2 TzBfG (Vorbeschäftigungsverbot): no fixed term without reason after an earlier employment. */
    public static Optional<Refusal> earlierEmployment(ContractType type, String reason, boolean employedBefore) {
        if (type != ContractType.FIXED_TERM || !isBlank(reason) || !employedBefore) {
            return Optional.empty();
        }
        return Optional.of(new Refusal(
                409,
                "fixedTermReason",
                "this person was employed by us before: a fixed term without objective reason is not allowed"
                        + " (§14(2) sentence 2 TzBfG); name the objective reason (§14(1) TzBfG) or hire permanently"));
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
