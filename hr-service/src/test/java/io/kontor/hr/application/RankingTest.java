package io.kontor.hr.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RankingTest {

    private static final Instant MONDAY = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2026-03-03T09:00:00Z");
    private static final Instant WEDNESDAY = Instant.parse("2026-03-04T09:00:00Z");

    @Test
    void the_higher_mean_score_ranks_first() {
        var weak = candidate(MONDAY, 2, 3);
        var strong = candidate(TUESDAY, 5, 4);

        assertThat(order(weak, strong)).containsExactly(strong.applicationId(), weak.applicationId());
    }

    @Test
    void an_equal_mean_goes_to_the_earlier_application() {
        var later = candidate(WEDNESDAY, 4, 4);
        var earlier = candidate(MONDAY, 3, 5);

        assertThat(order(later, earlier)).containsExactly(earlier.applicationId(), later.applicationId());
    }

    @Test
    void means_are_compared_exactly_not_after_rounding() {
        var thirteenThirds = candidate(TUESDAY, 4, 4, 5); // 4.333…
        List<Integer> scores = new java.util.ArrayList<>(java.util.Collections.nCopies(67, 4));
        scores.addAll(java.util.Collections.nCopies(33, 5)); // 433 / 100 = 4.33
        var fourPointThreeThree = new Ranking.Candidate(UUID.randomUUID(), MONDAY, scores);

        List<Ranking.Place> places = Ranking.of(List.of(fourPointThreeThree, thirteenThirds));

        assertThat(places.get(0).meanScore()).isEqualByComparingTo(places.get(1).meanScore());
        assertThat(places.get(0).applicationId()).isEqualTo(thirteenThirds.applicationId());
    }

    @Test
    void applications_without_scores_come_last_without_a_mean() {
        var unscored = candidate(MONDAY);
        var scored = candidate(WEDNESDAY, 1);

        List<Ranking.Place> places = Ranking.of(List.of(unscored, scored));

        assertThat(places)
                .extracting(Ranking.Place::applicationId)
                .containsExactly(scored.applicationId(), unscored.applicationId());
        assertThat(places.get(1).meanScore()).isNull();
        assertThat(places).extracting(Ranking.Place::rank).containsExactly(1, 2);
    }

    @Test
    void the_mean_is_shown_with_two_decimals_rounded_half_up() {
        assertThat(Ranking.of(List.of(candidate(MONDAY, 5, 5, 4))).get(0).meanScore())
                .isEqualTo(new BigDecimal("4.67"));
    }

    private static Ranking.Candidate candidate(Instant receivedAt, Integer... scores) {
        return new Ranking.Candidate(UUID.randomUUID(), receivedAt, List.of(scores));
    }

    private static List<UUID> order(Ranking.Candidate... candidates) {
        return Ranking.of(List.of(candidates)).stream()
                .map(Ranking.Place::applicationId)
                .toList();
    }
}
