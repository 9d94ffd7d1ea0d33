package io.kontor.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.kontor.devinfra.DevJwt;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged gateway started in a profile that is neither dev, local nor test - as a deployment that names its own,
 * {@code QUARKUS_PROFILE=staging}, would. Without its identity provider it must not start (it would otherwise trust the
 * development key, whose private half is public); with one it starts.
 */
class IdentityProviderStartupIT {

    private static final Path RUNNER = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final long WAIT_SECONDS = 90;

    @TempDir
    Path dir;

    @Test
    void staging_without_kontor_jwt_variables_does_not_start_and_says_which_to_set() throws Exception {
        Run run = start(Map.of());

        boolean exited = run.process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS);
        String output = run.output.get(10, TimeUnit.SECONDS);

        assertThat(exited).as("the gateway exited; output:%n%s", output).isTrue();
        assertThat(run.process.exitValue()).as("exit code").isNotZero();
        assertThat(output)
                .contains("No identity provider is configured for profile staging")
                .contains("KONTOR_JWT_ISSUER")
                .contains("KONTOR_JWT_PUBLIC_KEY_LOCATION")
                .doesNotContain("Listening on");
    }

    @Test
    void staging_with_kontor_jwt_variables_starts() throws Exception {
        Path key = dir.resolve("identity-provider.pem");
        Files.writeString(key, DevJwt.publicKeyPem());

        Run run = start(Map.of(
                "KONTOR_JWT_ISSUER",
                "https://login.example.test/realms/kontor",
                "KONTOR_JWT_PUBLIC_KEY_LOCATION",
                key.toString()));
        try {
            String output = run.output.get(WAIT_SECONDS, TimeUnit.SECONDS);

            assertThat(output).as("output").contains("Listening on").doesNotContain("No identity provider");
        } finally {
            run.process.destroy();
            run.process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private record Run(Process process, CompletableFuture<String> output) {}

    /** Starts the gateway; {@code output} completes once it listens, or with everything it wrote once it ended. */
    private Run start(Map<String, String> env) throws IOException {
        assertThat(RUNNER)
                .as("packaged gateway (run by failsafe after package)")
                .exists();
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx128m",
                        "-Dquarkus.profile=staging",
                        "-Dquarkus.http.host=127.0.0.1",
                        "-Dquarkus.http.port=0",
                        "-Dkontor.gateway.events.enabled=false",
                        "-jar",
                        RUNNER.toString())
                .redirectErrorStream(true);
        // Whatever the shell running the build has set: the point is a deployment that set nothing.
        builder.environment().keySet().removeIf(name -> name.startsWith("KONTOR_JWT_") || name.startsWith("QUARKUS_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        CompletableFuture<String> output = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            List<String> lines = new ArrayList<>();
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                    if (line.contains("Listening on")) {
                        output.complete(String.join("\n", lines));
                    }
                }
            } catch (IOException e) {
                // The process was stopped; what was read is the output.
            }
            output.complete(String.join("\n", lines));
        });
        reader.setDaemon(true);
        reader.start();
        return new Run(process, output);
    }
}
