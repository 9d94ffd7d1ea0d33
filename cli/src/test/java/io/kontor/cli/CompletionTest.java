package io.kontor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompletionTest {

    @TempDir
    Path home;

    @Test
    void the_completion_script_knows_the_commands_and_their_options() {
        Cli.Result result = new Cli(home).run("completion");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .startsWith("#!/usr/bin/env bash")
                .contains(
                        "complete -F _complete_kontor",
                        "import-statement",
                        "dunning-run",
                        "status-report",
                        "--overdue");
    }

    @Test
    void help_lists_every_domain_and_the_exit_codes() {
        Cli.Result result = new Cli(home).run("--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .contains(
                        "customers",
                        "products",
                        "offers",
                        "invoices",
                        "applications",
                        "contracts",
                        "references",
                        "projects",
                        "events",
                        "completion",
                        "Exit codes: 0 done, 1");
    }

    @Test
    void every_command_has_its_own_help() {
        Cli.Result result = new Cli(home).run("invoices", "pay", "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Books a payment against an invoice.", "--invoice-number", "--reference");
    }
}
