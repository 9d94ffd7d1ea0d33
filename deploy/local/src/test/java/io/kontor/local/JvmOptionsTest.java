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
                            "-Xms32m",
                            "-Xmx" + app.heapMegabytes() + "m",
                            "-XX:+UseSerialGC",
                            "-XX:MinHeapFreeRatio=10",
                            "-XX:MaxHeapFreeRatio=30",
                            "-XX:ReservedCodeCacheSize=48m",
                            "-XX:TrimNativeHeapInterval=10000")
                    .anyMatch(option -> option.startsWith("-Dquarkus.thread-pool.max-threads="));
        }
    }

    @Test
    void options_for_measuring_are_added_only_when_asked_for() {
        String before = System.getProperty(AppCommand.EXTRA_JVM_OPTIONS);
        try {
            System.clearProperty(AppCommand.EXTRA_JVM_OPTIONS);
            assertThat(AppCommand.extraJvmOptions()).isEmpty();
            System.setProperty(AppCommand.EXTRA_JVM_OPTIONS, " -XX:NativeMemoryTracking=summary  -Xlog:cds ");
            assertThat(AppCommand.extraJvmOptions()).containsExactly("-XX:NativeMemoryTracking=summary", "-Xlog:cds");
        } finally {
            if (before == null) {
                System.clearProperty(AppCommand.EXTRA_JVM_OPTIONS);
            } else {
                System.setProperty(AppCommand.EXTRA_JVM_OPTIONS, before);
            }
        }
    }
}
