package io.kontor.bench;

import io.kontor.devinfra.FreePorts;
import io.kontor.devinfra.OrphanGuard;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark's floor: {@code benchmarks/bare-endpoint}, a Quarkus REST application whose one GET does nothing,
 * started in the same kind of JVM as the launcher starts the services (fast-jar, same heap, serial GC, loopback,
 * {@link OrphanGuard} so it ends with the harness).
 */
final class BareEndpoint implements AutoCloseable {

    private static final String QUARKUS_MAIN = "io.quarkus.bootstrap.runner.QuarkusEntryPoint";
    // As the launcher's services (App.heapMegabytes).
    private static final int HEAP_MEGABYTES = 256;

    private final Process process;
    private final int port;
    private final Duration readyTime;

    private BareEndpoint(Process process, int port, Duration readyTime) {
        this.process = process;
        this.port = port;
        this.readyTime = readyTime;
    }

    /** @param launcherBin the platform's {@code <data>/bin}, where the launcher put OrphanGuard's jar */
    static BareEndpoint start(Path repoRoot, Path launcherBin, Path log, Duration readyTimeout) {
        Path jar = repoRoot.resolve("benchmarks/bare-endpoint/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    "Not built: " + jar + " (./mvnw -pl benchmarks/harness -am package -DskipTests)");
        }
        int port = FreePorts.find();
        String javaBinary = ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = List.of(
                javaBinary,
                "-Xmx" + HEAP_MEGABYTES + "m",
                "-XX:+UseSerialGC",
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + port,
                "-cp",
                jar + File.pathSeparator + launcherBin.resolve("orphan-guard.jar"),
                OrphanGuard.class.getName(),
                QUARKUS_MAIN);
        long begin = System.nanoTime();
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(Redirect.appendTo(log.toFile()))
                    .start();
            awaitReady(process, port, begin + readyTimeout.toNanos(), log);
            return new BareEndpoint(process, port, Duration.ofNanos(System.nanoTime() - begin));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the bare endpoint", e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    Duration readyTime() {
        return readyTime;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static void awaitReady(Process process, int port, long deadline, Path log) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        URI ready = URI.create("http://127.0.0.1:" + port + "/q/health/ready");
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "the bare endpoint exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(
                                        HttpRequest.newBuilder(ready)
                                                .timeout(Duration.ofSeconds(3))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted");
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("the bare endpoint was not ready in time; see " + log);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted");
            }
        }
    }
}
