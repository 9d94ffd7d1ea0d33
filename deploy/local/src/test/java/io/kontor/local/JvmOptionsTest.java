package io.kontor.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What each application's JVM gets beyond its maximum heap (#23): a heap that grows and shrinks with its live data. */
class JvmOptionsTest {

    @Test
    void every_application_starts_small_gives_memory_back_and_bounds_code_cache_and_threads() {
        for (App app : App.values()) {
            assertThat(AppCommand.jvmOptions(app))
                    .as(app.module())
                    .contains(
                            "-Xms16m",
                            "-Xmx" + app.heapMegabytes() + "m",
                            "-XX:+UseSerialGC",
                            "-XX:MinHeapFreeRatio=10",
                            "-XX:MaxHeapFreeRatio=30",
                            "-XX:ReservedCodeCacheSize=48m")
                    .anyMatch(option -> option.startsWith("-Dquarkus.thread-pool.max-threads="));
        }
    }
}
