package io.kontor.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The TypeScript client the build generates from the merged document must compile with the TypeScript compiler an
 * integrator uses: the generator writes code that does not compile for some documents (an API class importing a form
 * model it skipped, found this way), and nothing else in the Java build would notice. The compiler comes from the npm
 * registry at a pinned version, like every other build tool.
 */
class TypeScriptClientCompilesTest {

    private static final String TYPESCRIPT = "typescript@5.9.3";

    @Test
    void the_generated_typescript_client_compiles() throws Exception {
        Path client = Path.of("target", "generated-sources", "typescript").toAbsolutePath();
        assertThat(client.resolve("tsconfig.json"))
                .as("the generated TypeScript client")
                .exists();
        Path tools = Path.of("target", "typescript-compiler").toAbsolutePath();
        Path tsc = tools.resolve("node_modules")
                .resolve("typescript")
                .resolve("bin")
                .resolve("tsc");
        if (!Files.exists(tsc)) {
            Files.createDirectories(tools);
            run(tools, List.of("npm", "install", "--no-audit", "--no-fund", "--prefix", tools.toString(), TYPESCRIPT));
        }
        run(client, List.of("node", tsc.toString(), "--noEmit", "-p", client.toString()));
    }

    private static void run(Path directory, List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("kontor-tsc", ".log");
        Process process = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean finished = process.waitFor(10, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(finished && process.exitValue() == 0)
                .as(String.join(" ", command) + " failed:\n" + output)
                .isTrue();
    }
}
