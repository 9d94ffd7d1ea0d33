package io.kontor.process.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CycleTimesTest {

    @Test
    void percentiles_are_nearest_rank() {
        List<Duration> days = java.util.stream.IntStream.rangeClosed(1, 20)
                .mapToObj(Duration::ofDays)
                .toList();

        CycleTimes.Percentiles figures = CycleTimes.Percentiles.of(days);

        assertThat(figures.count()).isEqualTo(20);
        assertThat(figures.p50()).isEqualTo(Duration.ofDays(10));
        assertThat(figures.p90()).isEqualTo(Duration.ofDays(18));
        assertThat(figures.p95()).isEqualTo(Duration.ofDays(19));
        assertThat(figures.max()).isEqualTo(Duration.ofDays(20));
    }

    @Test
    void no_durations_no_figures() {
        assertThat(CycleTimes.Percentiles.of(List.of()).p50()).isNull();
    }
}
