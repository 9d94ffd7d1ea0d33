package io.kontor.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OptionsTest {

    private final Options defaults = Options.forRepo(Path.of("/work/kontor"));

    @Test
    void applications_keep_the_start_order_services_first_and_the_gateway_last() {
        Options options = defaults.withApps(Set.of(App.GATEWAY, App.HR, App.SALES));

        assertThat(options.apps()).containsExactly(App.SALES, App.HR, App.GATEWAY);
    }

    @Test
    void nothing_to_run_is_refused() {
        assertThatThrownBy(() -> defaults.withApps(EnumSet.noneOf(App.class)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_ready_timeout_must_be_positive() {
        assertThatThrownBy(() -> defaults.withReadyTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void paths_are_made_absolute() {
        Options options = defaults.withDataDir(Path.of("target/../target/platform"));

        assertThat(options.dataDir())
                .isAbsolute()
                .isEqualTo(Path.of("target/platform").toAbsolutePath());
    }

    @Test
    void extra_system_properties_add_up_per_application_and_a_later_value_replaces_an_earlier_one() {
        Options options = defaults.withSystemProperties(
                        App.GATEWAY, Map.of("kontor.gateway.limits.rate-limit.burst", "10", "a", "1"))
                .withSystemProperties(App.GATEWAY, Map.of("kontor.gateway.limits.rate-limit.burst", "1000000"));

        assertThat(options.systemProperties().get(App.GATEWAY))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("kontor.gateway.limits.rate-limit.burst", "1000000", "a", "1"));
        assertThat(options.systemProperties()).doesNotContainKey(App.SALES);
    }

    @Test
    void applications_are_found_by_key_or_module_name() {
        assertThat(App.named("projects")).isEqualTo(App.PROJECTS);
        assertThat(App.named("project-office-service")).isEqualTo(App.PROJECTS);
        assertThat(App.named("product-development")).isEqualTo(App.PRODUCT_DEVELOPMENT);
        assertThat(App.named("legal-service")).isEqualTo(App.LEGAL);
        assertThat(App.named("process-service")).isEqualTo(App.PROCESSES);
        assertThat(App.SALES.runJar(Path.of("/r")))
                .isEqualTo(Path.of("/r/sales-backoffice-service/target/quarkus-app/quarkus-run.jar"));
    }
}
