package io.kontor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;

/** Runs kontor in this JVM, as a user would from a shell, with its own home directory and environment. */
final class Cli {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneId.of("Europe/Berlin"));

    final Path home;
    final Map<String, String> env = new HashMap<>();

    record Result(int exitCode, String out, String err) {
        java.util.List<String> lines() {
            return out.lines().toList();
        }
    }

    Cli(Path home) {
        this.home = home;
    }

    /** A user who has logged in to {@code gateway} with its token. */
    static Cli loggedIn(Path home, FakeGateway gateway) {
        Cli cli = new Cli(home);
        new Config(gateway.url(), FakeGateway.TOKEN).write(Config.location(Map.of(), home));
        return cli;
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new Kontor(env, home, CLOCK).commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    Path configFile() throws IOException {
        return Config.location(env, home);
    }
}
