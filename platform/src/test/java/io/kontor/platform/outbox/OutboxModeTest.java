package io.kontor.platform.outbox;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class OutboxModeTest {

    @Test
    void the_production_profile_refuses_the_dual_write() {
        assertThatThrownBy(() -> OutboxMode.requireAllowed(OutboxMode.DUAL_WRITE_FOR_BENCHMARK_ONLY, List.of("prod")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("dual-write-for-benchmark-only");
    }

    @Test
    void the_dev_and_test_profiles_refuse_the_dual_write_too() {
        assertThatThrownBy(() -> OutboxMode.requireAllowed(OutboxMode.DUAL_WRITE_FOR_BENCHMARK_ONLY, List.of("dev")))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> OutboxMode.requireAllowed(OutboxMode.DUAL_WRITE_FOR_BENCHMARK_ONLY, List.of("test")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void the_benchmark_profile_next_to_prod_allows_the_dual_write() {
        assertThatCode(() -> OutboxMode.requireAllowed(
                        OutboxMode.DUAL_WRITE_FOR_BENCHMARK_ONLY, List.of("benchmark", "prod")))
                .doesNotThrowAnyException();
    }

    @Test
    void the_outbox_runs_under_any_profile() {
        assertThatCode(() -> OutboxMode.requireAllowed(OutboxMode.OUTBOX, List.of("prod")))
                .doesNotThrowAnyException();
    }
}
