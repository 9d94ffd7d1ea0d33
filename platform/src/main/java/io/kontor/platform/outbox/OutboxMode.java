package io.kontor.platform.outbox;

import java.util.List;

/**
 * How {@link Outbox} hands an event to Kafka ({@code kontor.outbox.mode}).
 *
 * <p>{@link #OUTBOX} is the only mode for real use. {@link #DUAL_WRITE_FOR_BENCHMARK_ONLY} exists so that the benchmark
 * harness ({@code benchmarks/}) can measure what the outbox costs against the plain dual write it replaces: the state
 * change commits, then the event is sent to Kafka directly. That loses the event when the process dies or Kafka is down
 * between the commit and the send, and may publish it out of order: never run it with real data. A service refuses to
 * start with it unless the {@value #BENCHMARK_PROFILE} profile is active too
 * ({@code -Dquarkus.profile=prod,benchmark}), so a stray environment variable cannot switch production to it.
 */
public enum OutboxMode {
    OUTBOX,

    /** Unsafe: send after commit, no outbox row. For the benchmark only, see the class comment. */
    DUAL_WRITE_FOR_BENCHMARK_ONLY;

    static final String BENCHMARK_PROFILE = "benchmark";

    /** Throws unless {@code mode} may run under the active configuration profiles. */
    static void requireAllowed(OutboxMode mode, List<String> activeProfiles) {
        if (mode == DUAL_WRITE_FOR_BENCHMARK_ONLY && !activeProfiles.contains(BENCHMARK_PROFILE)) {
            throw new IllegalStateException(
                    "kontor.outbox.mode=dual-write-for-benchmark-only loses events and is refused"
                            + " under the profiles " + activeProfiles + "; it runs only with the '" + BENCHMARK_PROFILE
                            + "' profile active, for the benchmark harness");
        }
    }
}
