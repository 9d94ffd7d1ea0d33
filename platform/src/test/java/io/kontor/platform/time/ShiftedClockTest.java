package io.kontor.platform.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShiftedClockTest {

    static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");

    @TempDir
    Path dir;

    ShiftedClock clock() {
        return new ShiftedClock(Clock.fixed(NOW, ZoneOffset.UTC), dir.resolve("clock-shift"));
    }

    @Test
    void without_a_file_the_time_is_the_base_clocks() {
        assertThat(clock().instant()).isEqualTo(NOW);
    }

    @Test
    void a_shift_written_to_the_file_applies_from_the_next_reading_on() throws Exception {
        ShiftedClock clock = clock();
        assertThat(clock.instant()).isEqualTo(NOW);

        Files.writeString(dir.resolve("clock-shift"), "P45D\n");
        assertThat(clock.instant()).isEqualTo(NOW.plus(Duration.ofDays(45)));

        // Same length, written at once: a cache keyed on size or a coarse timestamp would miss this one.
        Files.writeString(dir.resolve("clock-shift"), "P50D\n");
        assertThat(clock.instant()).isEqualTo(NOW.plus(Duration.ofDays(50)));
    }

    @Test
    void another_zone_keeps_the_shift() throws Exception {
        Files.writeString(dir.resolve("clock-shift"), "PT36H");

        Clock berlin = clock().withZone(ZoneId.of("Europe/Berlin"));

        assertThat(berlin.getZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(berlin.instant()).isEqualTo(NOW.plus(Duration.ofHours(36)));
    }

    @Test
    void a_file_that_is_no_duration_is_an_error_rather_than_no_shift() throws Exception {
        Files.writeString(dir.resolve("clock-shift"), "45 days");

        assertThatThrownBy(() -> clock().instant())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("P45D");
    }
}
