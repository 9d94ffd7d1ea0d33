package io.kontor.projects.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.kontor.projects.report.RagRule.ActionItemFact;
import io.kontor.projects.report.RagRule.MilestoneFact;
import io.kontor.projects.report.RagRule.Rag;
import io.kontor.projects.report.RagRule.RiskFact;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RagRuleTest {

    /** 15 June 2026, 10:00 in Berlin. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-15T08:00:00Z"), ZoneId.of("Europe/Berlin"));

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    private static RiskFact risk(int score, boolean open, boolean escalated) {
        return new RiskFact("risk " + score, score, open, escalated);
    }

    private static MilestoneFact milestoneDueDaysAgo(int days, boolean completed) {
        return new MilestoneFact("milestone", TODAY.minusDays(days), completed);
    }

    private static ActionItemFact itemDueDaysAgo(int days, boolean done) {
        return new ActionItemFact("item", TODAY.minusDays(days), done);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("an empty project", List.of(), List.of(), List.of(), Rag.GREEN),
                Arguments.of(
                        "risks that are not escalated",
                        List.of(risk(12, true, false)),
                        List.of(),
                        List.of(),
                        Rag.GREEN),
                Arguments.of("an open escalated risk", List.of(risk(20, true, true)), List.of(), List.of(), Rag.RED),
                Arguments.of(
                        "an escalated risk that is mitigated",
                        List.of(risk(20, false, true)),
                        List.of(),
                        List.of(),
                        Rag.GREEN),
                Arguments.of(
                        "a milestone due today",
                        List.of(),
                        List.of(milestoneDueDaysAgo(0, false)),
                        List.of(),
                        Rag.GREEN),
                Arguments.of(
                        "a milestone due in a week",
                        List.of(),
                        List.of(milestoneDueDaysAgo(-7, false)),
                        List.of(),
                        Rag.GREEN),
                Arguments.of(
                        "a milestone 1 day overdue",
                        List.of(),
                        List.of(milestoneDueDaysAgo(1, false)),
                        List.of(),
                        Rag.AMBER),
                Arguments.of(
                        "a milestone 14 days overdue",
                        List.of(),
                        List.of(milestoneDueDaysAgo(14, false)),
                        List.of(),
                        Rag.AMBER),
                Arguments.of(
                        "a milestone 15 days overdue",
                        List.of(),
                        List.of(milestoneDueDaysAgo(15, false)),
                        List.of(),
                        Rag.RED),
                Arguments.of(
                        "a milestone completed late",
                        List.of(),
                        List.of(milestoneDueDaysAgo(30, true)),
                        List.of(),
                        Rag.GREEN),
                Arguments.of(
                        "an action item due today", List.of(), List.of(), List.of(itemDueDaysAgo(0, false)), Rag.GREEN),
                Arguments.of(
                        "an action item 1 day overdue",
                        List.of(),
                        List.of(),
                        List.of(itemDueDaysAgo(1, false)),
                        Rag.AMBER),
                Arguments.of(
                        "an action item 60 days overdue",
                        List.of(),
                        List.of(),
                        List.of(itemDueDaysAgo(60, false)),
                        Rag.AMBER),
                Arguments.of(
                        "an action item done late", List.of(), List.of(), List.of(itemDueDaysAgo(60, true)), Rag.GREEN),
                Arguments.of(
                        "an overdue item and an open escalated risk",
                        List.of(risk(25, true, true)),
                        List.of(),
                        List.of(itemDueDaysAgo(3, false)),
                        Rag.RED));
    }

    @ParameterizedTest(name = "{0} is {4}")
    @MethodSource("cases")
    void the_rag_status_follows_the_documented_rules(
            String situation,
            List<RiskFact> risks,
            List<MilestoneFact> milestones,
            List<ActionItemFact> actionItems,
            Rag expected) {
        assertThat(new RagRule(CLOCK).assess(risks, milestones, actionItems).rag())
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "at {0} the item due {1} is {2}")
    @MethodSource("midnight")
    void today_is_the_day_in_the_offices_zone(String instant, LocalDate due, Rag expected) {
        Clock berlin = Clock.fixed(Instant.parse(instant), ZoneId.of("Europe/Berlin"));
        assertThat(new RagRule(berlin)
                        .assess(List.of(), List.of(), List.of(new ActionItemFact("item", due, false)))
                        .rag())
                .isEqualTo(expected);
    }

    static Stream<Arguments> midnight() {
        return Stream.of(
                // 23:30 UTC on the 14th is already 01:30 on the 15th in Berlin (CEST): the item due on the 14th is
                // late.
                Arguments.of("2026-06-14T23:30:00Z", LocalDate.of(2026, 6, 14), Rag.AMBER),
                Arguments.of("2026-06-14T21:30:00Z", LocalDate.of(2026, 6, 14), Rag.GREEN));
    }

    @org.junit.jupiter.api.Test
    void a_report_that_is_not_green_says_why() {
        var assessment = new RagRule(CLOCK)
                .assess(List.of(risk(20, true, true)), List.of(milestoneDueDaysAgo(3, false)), List.of());
        assertThat(assessment.reasons())
                .containsExactly(
                        "risk \"risk 20\" is escalated (score 20) and open",
                        "milestone \"milestone\" is 3 days overdue");
    }
}
