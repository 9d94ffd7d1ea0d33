package io.kontor.hr.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FixedTermRulesTest {

    @ParameterizedTest(name = "§14(4) TzBfG: {0} starting {1}, signed {2} → {3}")
    @CsvSource(
            nullValues = "-",
            value = {
                // type,     start,      signed on,  refused with
                "FIXED_TERM, 2027-04-01, 2027-03-31, -", // the day before work begins: in time
                "FIXED_TERM, 2027-04-01, 2027-04-01, 409", // on the first day work may already have begun
                "FIXED_TERM, 2027-04-01, 2027-04-02, 409", // after: the term is void, the contract permanent (§16)
                "PERMANENT,  2027-04-01, 2027-05-02, -", // no term to lose
            })
    void a_fixed_term_is_signed_before_work_begins(
            ContractType type, LocalDate start, LocalDate today, Integer refusedWith) {
        Optional<FixedTermRules.Refusal> refusal = FixedTermRules.signing(type, start, today);

        assertThat(refusal.map(FixedTermRules.Refusal::status).orElse(null)).isEqualTo(refusedWith);
        refusal.ifPresent(r -> assertThat(r.message()).contains("§14(4) TzBfG", "§16 TzBfG"));
    }

    @ParameterizedTest(name = "§14(2) TzBfG: start {0}, ends {1}, reason {2}, {3} extensions, on {4} to {5} → {6} {7}")
    @CsvSource(
            nullValues = "-",
            value = {
                // start,    current end, reason,      so far, today,      new end,    refused, field / rule
                "2027-01-01, 2027-06-30, -,            0,      2027-06-01, 2027-12-31, -,   -",
                "2027-01-01, 2027-12-31, -,            1,      2027-12-01, 2028-06-30, -,   -",
                "2027-01-01, 2028-06-30, -,            2,      2028-06-30, 2028-12-31, -,   -", // on the last day
                // §14(2) sentence 1: a fourth extension
                "2027-01-01, 2028-06-30, -,            3,      2028-06-01, 2028-12-31, 409, at most 3 times",
                // agreed after the term ended: a new contract, not an extension
                "2027-01-01, 2027-06-30, -,            0,      2027-07-01, 2027-12-31, 409, ended on 2027-06-30",
                // two years in total, extensions included: the last day is 2028-12-31
                "2027-01-01, 2028-06-30, -,            1,      2028-06-01, 2028-12-31, -,   -",
                "2027-01-01, 2028-06-30, -,            1,      2028-06-01, 2029-01-01, 409, two years",
                // not later than the current end
                "2027-01-01, 2027-06-30, -,            0,      2027-06-01, 2027-06-30, 400, endDate",
                // with an objective reason (§14(1)): no count, no cap, but the extension names its reason
                "2027-01-01, 2028-12-31, Elternzeit,   5,      2028-12-01, 2030-12-31, -,   -",
                "2027-01-01, 2028-12-31, Elternzeit,   0,      2028-12-01, 2029-12-31, 400, fixedTermReason",
                "2027-01-01, 2028-12-31, Elternzeit,   0,      2029-01-02, 2029-12-31, 409, ended on 2028-12-31",
            })
    void an_extension_is_agreed_while_the_term_runs_at_most_three_times_within_two_years(
            LocalDate start,
            LocalDate currentEnd,
            String reason,
            int extensionsSoFar,
            LocalDate today,
            LocalDate newEnd,
            Integer refusedWith,
            String saying) {
        String newReason =
                refusedWith != null && refusedWith == 400 && "fixedTermReason".equals(saying) ? null : reason;

        Optional<FixedTermRules.Refusal> refusal =
                FixedTermRules.extension(start, currentEnd, reason, extensionsSoFar, today, newEnd, newReason);

        assertThat(refusal.map(FixedTermRules.Refusal::status).orElse(null)).isEqualTo(refusedWith);
        refusal.ifPresent(r -> assertThat(r.field() + " " + r.message()).contains(saying));
        refusal.filter(r -> r.status() == 409)
                .ifPresent(r -> assertThat(r.message()).contains("TzBfG"));
    }

    @ParameterizedTest(name = "§14(2) sentence 2 TzBfG: {0}, reason {1}, employed before {2} → refused {3}")
    @CsvSource(
            nullValues = "-",
            value = {
                "FIXED_TERM, -,          true,  true",
                "FIXED_TERM, '  ',       true,  true",
                "FIXED_TERM, Vertretung, true,  false", // with an objective reason (§14(1)) an earlier employment is no
                // bar
                "FIXED_TERM, -,          false, false",
                "PERMANENT,  -,          true,  false",
            })
    void no_fixed_term_without_reason_after_an_earlier_employment(
            ContractType type, String reason, boolean employedBefore, boolean refused) {
        Optional<FixedTermRules.Refusal> refusal = FixedTermRules.earlierEmployment(type, reason, employedBefore);

        assertThat(refusal.isPresent()).isEqualTo(refused);
        refusal.ifPresent(r -> {
            assertThat(r.status()).isEqualTo(409);
            assertThat(r.field()).isEqualTo("fixedTermReason");
            assertThat(r.message()).contains("§14(2) sentence 2 TzBfG");
        });
    }
}
