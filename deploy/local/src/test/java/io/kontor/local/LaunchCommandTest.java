package io.kontor.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

class LaunchCommandTest {

    @TempDir
    Path tmp;

    @Test
    void without_arguments_everything_runs_on_kept_data_in_the_checkout_and_the_gateway_prefers_8080()
            throws IOException {
        Path root = RepoRootTest.checkout(tmp.resolve("kontor"));
        Path workingDir = Files.createDirectories(root.resolve("deploy/local"));

        Options options = parse(workingDir);

        assertThat(options.repoRoot()).isEqualTo(root);
        assertThat(options.dataDir()).isEqualTo(root.resolve(".kontor-data"));
        assertThat(options.clean()).isFalse();
        assertThat(options.gatewayPort()).isEqualTo(Options.GATEWAY_PORT_PREFERRED_ELSE_FREE);
        assertThat(options.apps()).containsExactlyElementsOf(EnumSet.allOf(App.class));
        assertThat(options.readyTimeout()).isEqualTo(Options.DEFAULT_READY_TIMEOUT);
    }

    @Test
    void data_clean_and_gateway_port_are_taken_as_given() throws IOException {
        Path root = RepoRootTest.checkout(tmp.resolve("kontor"));

        Options options = parse(root, "--data", "/var/tmp/kontor", "--clean", "--gateway-port", "9090");

        assertThat(options.dataDir()).isEqualTo(Path.of("/var/tmp/kontor"));
        assertThat(options.clean()).isTrue();
        assertThat(options.gatewayPort()).isEqualTo(9090);
    }

    @Test
    void a_relative_data_folder_is_relative_to_the_working_directory_not_to_the_checkout() throws IOException {
        Path root = RepoRootTest.checkout(tmp.resolve("kontor"));
        Path workingDir = Files.createDirectories(root.resolve("system-tests"));

        Options options = parse(workingDir, "--data", "target/platform");

        assertThat(options.dataDir()).isEqualTo(workingDir.resolve("target/platform"));
    }

    @Test
    void the_checkout_may_be_named_when_the_launcher_runs_from_elsewhere() throws IOException {
        Path root = RepoRootTest.checkout(tmp.resolve("kontor"));
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));

        Options options = parse(elsewhere, "--repo-root", root.toString());

        assertThat(options.repoRoot()).isEqualTo(root);
        assertThat(options.dataDir()).isEqualTo(root.resolve(".kontor-data"));
    }

    @Test
    void only_names_applications_by_key_or_module() throws IOException {
        Path root = RepoRootTest.checkout(tmp.resolve("kontor"));

        Options options =
                parse(root, "--only", "sales,accounting-service", "--only", "GATEWAY", "--ready-timeout", "30");

        assertThat(options.apps()).containsExactly(App.SALES, App.ACCOUNTING, App.GATEWAY);
        assertThat(options.readyTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void an_unknown_application_is_a_usage_error() throws IOException {
        Path root = RepoRootTest.checkout(tmp.resolve("kontor"));

        assertThatThrownBy(() -> parse(root, "--only", "billing"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("billing");
    }

    @Test
    void a_gateway_port_outside_the_port_range_is_a_usage_error() throws IOException {
        Path root = RepoRootTest.checkout(tmp.resolve("kontor"));

        assertThatThrownBy(() -> parse(root, "--gateway-port", "70000"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("--gateway-port");
        assertThatThrownBy(() -> parse(root, "--gateway-port", "eighty")).isInstanceOf(ParameterException.class);
    }

    @Test
    void a_repo_root_that_is_no_checkout_is_a_usage_error() throws IOException {
        Path notACheckout = Files.createDirectories(tmp.resolve("plain"));

        assertThatThrownBy(() -> parse(tmp, "--repo-root", notACheckout.toString()))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("not a Kontor checkout");
    }

    @Test
    void help_lists_every_option() {
        StringWriter help = new StringWriter();
        CommandLine cli = new CommandLine(new LaunchCommand());
        cli.setOut(new PrintWriter(help));

        int exit = cli.execute("--help");

        assertThat(exit).isZero();
        assertThat(help.toString())
                .contains("--data", "--clean", "--gateway-port", "--only", "--ready-timeout", "--repo-root");
    }

    private static Options parse(Path workingDir, String... args) {
        LaunchCommand command = new LaunchCommand();
        new CommandLine(command).parseArgs(args);
        return command.toOptions(workingDir);
    }
}
