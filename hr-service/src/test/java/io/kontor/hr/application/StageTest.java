package io.kontor.hr.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StageTest {

    /**
     * The whole pipeline of API.md: one step forward, or out to REJECTED (our decision) or WITHDRAWN (the candidate's)
     * from any open stage.
     */
    private static final Map<Stage, Set<Stage>> ALLOWED = Map.of(
            Stage.RECEIVED, EnumSet.of(Stage.SCREENING, Stage.REJECTED, Stage.WITHDRAWN),
            Stage.SCREENING, EnumSet.of(Stage.INTERVIEW, Stage.REJECTED, Stage.WITHDRAWN),
            Stage.INTERVIEW, EnumSet.of(Stage.OFFER, Stage.REJECTED, Stage.WITHDRAWN),
            Stage.OFFER, EnumSet.of(Stage.HIRED, Stage.REJECTED, Stage.WITHDRAWN),
            Stage.HIRED, EnumSet.noneOf(Stage.class),
            Stage.REJECTED, EnumSet.noneOf(Stage.class),
            Stage.WITHDRAWN, EnumSet.noneOf(Stage.class));

    @ParameterizedTest
    @EnumSource(Stage.class)
    void a_stage_moves_only_one_step_forward_or_out(Stage from) {
        for (Stage to : Stage.values()) {
            assertThat(from.canMoveTo(to))
                    .as("%s → %s", from, to)
                    .isEqualTo(ALLOWED.get(from).contains(to));
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = Stage.class,
            names = {"HIRED", "REJECTED", "WITHDRAWN"})
    void hired_rejected_and_withdrawn_are_final(Stage stage) {
        assertThat(stage.isOpen()).isFalse();
        assertThat(stage.next()).isNull();
    }
}
