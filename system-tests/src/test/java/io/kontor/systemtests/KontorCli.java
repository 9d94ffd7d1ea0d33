package io.kontor.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kontor.cli.Kontor;
import io.kontor.local.LocalPlatform;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;

/**
 * The {@code kontor} command line run in this JVM against the running platform, as a middle-office user would run it in
 * an 80-column terminal, with the platform's admin token: what it prints and the exit code a script would test.
 */
final class KontorCli {

    static final ObjectMapper JSON = new ObjectMapper();

    private final LocalPlatform platform;
    private final Path home;

    KontorCli(LocalPlatform platform, Path home) {
        this.platform = platform;
        this.home = home;
    }

    /** What one call printed and returned. {@code out} and {@code err} fill while the command runs (for a tail). */
    record Run(int exitCode, String out, String err) {

        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new AssertionError("not JSON (exit code " + exitCode + ", stderr " + err + "): " + out, e);
            }
        }

        String id() {
            return json().get("id").asText();
        }
    }

    Run run(String... args) {
        return run(new StringWriter(), new StringWriter(), args);
    }

    /** Runs with the caller's writers, which another thread may read while the command still runs. */
    Run run(StringWriter out, StringWriter err, String... args) {
        Map<String, String> env =
                Map.of("KONTOR_URL", platform.gatewayUrl(), "KONTOR_TOKEN", platform.adminToken(), "COLUMNS", "80");
        CommandLine commandLine = new Kontor(env, home, Clock.systemDefaultZone()).commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }
}
