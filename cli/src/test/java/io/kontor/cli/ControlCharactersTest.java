package io.kontor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A candidate types their name on the careers site; hr reads it in a terminal. ANSI and OSC escapes in it (or in any
 * other text the API returns) must reach the terminal as nothing (issue #24).
 */
class ControlCharactersTest {

    /** Sets the window title, writes the clipboard (OSC 52), turns red, moves the cursor up, and a C1 CSI. */
    static final String HOSTILE =
            "\\u001b]0;pwned\\u0007Eve\\u001b]52;c;cm0gLXJmIH4=\\u0007\\u001b[31m\\u001b[1A\\u009b2J";

    @TempDir
    Path home;

    FakeGateway gateway;
    Cli cli;

    @BeforeEach
    void start() throws Exception {
        gateway = FakeGateway.start();
        cli = Cli.loggedIn(home, gateway);
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void ansi_and_osc_escapes_in_a_candidate_name_do_not_reach_the_terminal() {
        gateway.json(
                "GET",
                "/hr/job-openings/j-1/ranking",
                "{\"items\":[{\"applicationId\":\"a-1\",\"candidate\":{\"firstName\":\"" + HOSTILE
                        + "\",\"lastName\":\"Evil\\u001b[0m\"},\"status\":\"INTERVIEW\",\"meanScore\":4.5}],"
                        + "\"page\":0,\"size\":50,\"total\":1}");

        Cli.Result result = cli.run("applications", "rank", "j-1");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Eve", "Evil");
        assertNoControlCharacters(result.out());
    }

    @Test
    void escapes_in_a_problem_detail_do_not_reach_the_terminal() {
        gateway.answer(
                "GET",
                "/hr/job-openings/j-1/ranking",
                404,
                FakeGateway.PROBLEM_JSON,
                "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"no application " + HOSTILE + "\"}");

        Cli.Result result = cli.run("applications", "rank", "j-1");

        assertThat(result.err()).contains("no application");
        assertNoControlCharacters(result.err());
    }

    @Test
    void yaml_output_carries_no_c1_control_characters_either() {
        gateway.json(
                "GET",
                "/hr/job-openings/j-1/ranking",
                "{\"items\":[{\"applicationId\":\"a-1\",\"candidate\":{\"firstName\":\"" + HOSTILE
                        + "\",\"lastName\":\"Evil\"}}],\"page\":0,\"size\":50,\"total\":1}");

        Cli.Result result = cli.run("--output", "yaml", "applications", "rank", "j-1");

        assertThat(result.out()).contains("Eve");
        assertNoControlCharacters(result.out());
    }

    private static void assertNoControlCharacters(String text) {
        assertThat(text.chars().filter(c -> c != '\n' && c != '\t' && (c < 0x20 || (c >= 0x7f && c <= 0x9f))))
                .as("control characters in %s", text.replace("\u001b", "<ESC>"))
                .isEmpty();
    }
}
