package io.kontor.hr.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StageTest {

    /** The whole pipeline of API.md: one step forward, or out to REJECTED from any open stage. */
    private static final Map<Stage, Set<Stage>> ALLOWED = Map.of(
            Stage.RECEIVED, EnumSet.of(Stage.SCREENING, Stage.REJECTED),
            Stage.SCREENING, EnumSet.of(Stage.INTERVIEW, Stage.REJECTED),
            Stage.INTERVIEW, EnumSet.of(Stage.OFFER, Stage.REJECTED),
            Stage.OFFER, EnumSet.of(Stage.HIRED, Stage.REJECTED),
            Stage.HIRED, EnumSet.noneOf(Stage.class),
            Stage.REJECTED, EnumSet.noneOf(Stage.class));

    @ParameterizedTest
    @EnumSource(Stage.class)
    void a_stage_moves_only_one_step_forward_or_to_rejected(Stage from) {
        for (Stage to : Stage.values()) {
            assertThat(from.canMoveTo(to))
                    .as("%s → %s", from, to)
                    .isEqualTo(ALLOWED.get(from).contains(to));
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = Stage.class,
            names = {"HIRED", "REJECTED"})
    void hired_and_rejected_are_final(Stage stage) {
        assertThat(stage.isOpen()).isFalse();
        assertThat(stage.next()).isNull();
    }
}
