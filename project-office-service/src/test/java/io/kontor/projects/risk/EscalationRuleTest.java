package io.kontor.projects.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kontor.projects.risk.EscalationRule.Outcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EscalationRuleTest {

    @ParameterizedTest(name = "{0} × {1} = {2}")
    @CsvSource({"1, 1, 1", "3, 5, 15", "5, 3, 15", "4, 4, 16", "5, 5, 25", "2, 3, 6"})
    void the_score_is_probability_times_impact(int probability, int impact, int score) {
        assertThat(EscalationRule.score(probability, impact)).isEqualTo(score);
    }

    @ParameterizedTest(name = "threshold {0}, escalated before {1}, {2}×{3} {4} → {5}")
    @CsvSource({
        // threshold, before, probability, impact, status, outcome
        "15, false, 3, 5, OPEN,      STARTS", // reaching the threshold is enough
        "15, false, 4, 4, OPEN,      STARTS", // 16
        "15, false, 4, 4, MITIGATED, NONE",
        "15, false, 2, 5, OPEN,      NONE",
        "15, false, 4, 3, OPEN,      NONE", // 12
        "15, true,  3, 5, OPEN,      CONTINUES", // unchanged: not announced again
        "15, true,  5, 5, OPEN,      CONTINUES", // worse, but the same escalation
        "15, true,  2, 5, OPEN,      ENDS",
        "15, true,  5, 5, MITIGATED, ENDS",
        "15, true,  5, 5, CLOSED,    ENDS",
        "15, false, 5, 5, CLOSED,    NONE",
        "10, false, 2, 5, OPEN,      STARTS", // a stricter office escalates earlier
        "20, false, 4, 4, OPEN,      NONE"
    })
    void an_open_risk_escalates_when_its_score_reaches_the_threshold_and_only_once(
            int threshold, boolean before, int probability, int impact, RiskStatus status, Outcome outcome) {
        assertThat(new EscalationRule(threshold).apply(before, probability, impact, status))
                .isEqualTo(outcome);
    }

    @ParameterizedTest
    @CsvSource({"0", "26"})
    void a_threshold_no_score_can_reach_or_every_score_reaches_is_refused(int threshold) {
        assertThatThrownBy(() -> new EscalationRule(threshold)).isInstanceOf(IllegalArgumentException.class);
    }
}
