package io.kontor.local;

import io.kontor.devinfra.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One application JVM (a service or the gateway) on a loopback port for its API and another for its management
 * interface (health and metrics, as on port 9000 in the cluster), with its output appended to
 * {@code <data>/logs/<module>.log}. Tests use {@link #kill()} and {@link #restart()} for fault scenarios.
 */
public final class AppProcess {

    private static final long STOP_TIMEOUT_SECONDS = 20;
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(STOP_TIMEOUT_SECONDS);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final int START_ATTEMPTS = 3;
    private static final int LOG_TAIL_LINES = 60;
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1))
            .build();

    private final App app;
    private final Path logFile;
    private final Path pidFile;
    private final Command command;
    private final boolean portFixed;
    private final Duration readyTimeout;

    private volatile int port;
    private volatile int managementPort;
    private volatile Process process;
    private volatile long logOffset;
    private volatile boolean closed;
    private volatile Duration lastStartupTime;
    private volatile Duration lastStartupCpu;
    private volatile Map<String, String> systemProperties;

    /**
     * @param command builds the command line and environment for an API and a management port; output and input are set
     *     up here
     * @param portFixed the port was chosen by the user: a port taken by someone else is an error, not a reason to move
     * @param systemProperties the extra settings of {@link Options#systemProperties()} for this application
     */
    AppProcess(
            App app,
            Path logFile,
            Path pidFile,
            int port,
            int managementPort,
            boolean portFixed,
            Duration readyTimeout,
            Map<String, String> systemProperties,
            Command command) {
        this.systemProperties = Map.copyOf(systemProperties);
        this.app = app;
        this.logFile = logFile;
        this.pidFile = pidFile;
        this.port = port;
        this.managementPort = managementPort;
        this.portFixed = portFixed;
        this.readyTimeout = readyTimeout;
        this.command = command;
    }

    public App app() {
        return app;
    }

    /** The module name, as in the log file's name. */
    public String name() {
        return app.module();
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /**
     * The management interface's port: {@code /q/health/*} and {@code /q/metrics} answer there, not on {@link #port()}.
     */
    public int managementPort() {
        return managementPort;
    }

    /** The management interface, e.g. {@code managementUrl() + "/q/metrics"}. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    public Path log() {
        return logFile;
    }

    public OptionalLong pid() {
        Process current = process;
        return current == null ? OptionalLong.empty() : OptionalLong.of(current.pid());
    }

    public boolean isRunning() {
        Process current = process;
        return current != null && current.isAlive();
    }

    /** How long the last start took from launch until {@code /q/health/ready} answered 200. */
    public Duration lastStartupTime() {
        return lastStartupTime;
    }

    /**
     * CPU time (user + system, all threads) the JVM had used when it was first seen ready in its last start, empty
     * where the OS does not tell. With several JVMs starting side by side on few cores, their sum over the cores is the
     * least the platform's start can take (#23).
     */
    public Optional<Duration> lastStartupCpu() {
        return Optional.ofNullable(lastStartupCpu);
    }

    /** Kills the JVM like {@code kill -9}: no graceful shutdown, open requests and transactions break off. */
    public synchronized void kill() {
        Process current = process;
        if (current == null) {
            return;
        }
        current.destroyForcibly();
        waitForExit(current, STOP_TIMEOUT);
        forget(current);
    }

    /**
     * Stops the JVM gracefully (SIGTERM), and forcibly after {@value #STOP_TIMEOUT_SECONDS} s (or the longer time a JVM
     * that writes its class data archive at exit gets, {@link Command#stopTimeout()}).
     */
    public synchronized void stop() {
        Process current = process;
        if (current == null) {
            return;
        }
        if (current.isAlive()) {
            current.destroy();
            if (waitForExit(current, command.stopTimeout())) {
                command.exitedByItself();
            } else {
                current.destroyForcibly();
                waitForExit(current, STOP_TIMEOUT);
            }
        }
        forget(current);
    }

    /** Stops the JVM if it runs, starts it again on the same port and waits until it is ready. */
    public synchronized void restart() {
        stop();
        startAndAwaitReady();
    }

    /**
     * Restarts with other extra {@code -D} settings (replacing the earlier extra ones; later restarts keep these), e.g.
     * a benchmark comparing two configurations of one service.
     */
    public synchronized void restart(Map<String, String> systemProperties) {
        stop();
        this.systemProperties = Map.copyOf(systemProperties);
        startAndAwaitReady();
    }

    /** The extra {@code -D} settings the next launch gets, after the launcher's own. */
    public Map<String, String> systemProperties() {
        return systemProperties;
    }

    /** Starts the JVM unless it runs, and waits until it is ready. */
    public synchronized void start() {
        if (!isRunning()) {
            startAndAwaitReady();
        }
    }

    /**
     * Launches the JVM and waits for readiness, moving to another free port when someone else took this one between the
     * launcher's check and the application's bind (machines are shared).
     */
    synchronized void startAndAwaitReady() {
        for (int attempt = 1; ; attempt++) {
            launch();
            try {
                awaitReady();
                return;
            } catch (PortTaken e) {
                if (portFixed || attempt == START_ATTEMPTS) {
                    throw new LaunchFailure(e.getMessage());
                }
                // Either port may be the one someone took: both move.
                port = FreePorts.find();
                int movedManagement = FreePorts.find();
                while (movedManagement == port) {
                    movedManagement = FreePorts.find();
                }
                managementPort = movedManagement;
            }
        }
    }

    /** Stops the JVM and refuses to start it again: the platform is shutting down. */
    void close() {
        closed = true;
        // Not synchronized yet: a start waiting for readiness holds the lock, and ends early once its process is gone.
        Process current = process;
        if (current != null) {
            current.destroy();
        }
        synchronized (this) {
            stop();
        }
    }

    private void launch() {
        if (closed) {
            throw new LaunchFailure("The platform is stopping; " + name() + " is not started again");
        }
        try {
            Files.createDirectories(logFile.getParent());
            String header = String.format(
                    "%n==== kontor-local: %s on port %d (management %d), %s ====%n",
                    name(), port, managementPort, LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
            Files.writeString(logFile, header, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            logOffset = Files.size(logFile);
            // stdin stays a pipe held by this JVM: OrphanGuard in the child ends the application when it closes.
            Process started = command.build(port, managementPort)
                    .redirectErrorStream(true)
                    .redirectOutput(Redirect.appendTo(logFile.toFile()))
                    .start();
            process = started;
            Files.createDirectories(pidFile.getParent());
            Files.writeString(pidFile, Long.toString(started.pid()));
        } catch (IOException e) {
            throw new LaunchFailure("Could not start " + name() + ": " + e.getMessage(), e);
        }
    }

    private void awaitReady() {
        Process started = process;
        long launchedAt = System.nanoTime();
        long deadline = launchedAt + readyTimeout.toNanos();
        URI readiness = URI.create(managementUrl() + "/q/health/ready");
        String lastAnswer = "no answer yet";
        while (true) {
            if (closed) {
                throw new LaunchFailure("The platform is stopping; " + name() + " was not ready yet");
            }
            if (!started.isAlive()) {
                String output = logSinceLaunch();
                String message =
                        name() + " exited with code " + started.exitValue() + " before it was ready." + tailOf(output);
                forget(started);
                if (output.contains("already in use") || output.contains("seems to be in use")) {
                    throw new PortTaken(message);
                }
                throw new LaunchFailure(message);
            }
            try {
                HttpResponse<String> answer = HTTP.send(
                        HttpRequest.newBuilder(readiness)
                                .timeout(Duration.ofSeconds(3))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    lastStartupTime = Duration.ofNanos(System.nanoTime() - launchedAt);
                    lastStartupCpu =
                            started.toHandle().info().totalCpuDuration().orElse(null);
                    return;
                }
                lastAnswer = answer.statusCode() + " " + answer.body().replaceAll("\\s+", " ");
            } catch (IOException e) {
                lastAnswer = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LaunchFailure("Interrupted while waiting for " + name());
            }
            if (System.nanoTime() > deadline) {
                throw new LaunchFailure(
                        name() + " was not ready within " + readyTimeout.toSeconds() + " s (last answer of " + readiness
                                + ": " + abbreviate(lastAnswer) + ")." + tailOf(logSinceLaunch()));
            }
            sleep(POLL_INTERVAL);
        }
    }

    /** The last lines the application wrote since its latest launch. */
    public String logTail() {
        return tailOf(logSinceLaunch());
    }

    private String tailOf(String output) {
        List<String> lines = output.lines().collect(Collectors.toList());
        List<String> tail = lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size());
        if (tail.isEmpty()) {
            return " " + logFile + " is empty.";
        }
        return "\nLast lines of " + logFile + ":\n    " + String.join("\n    ", tail);
    }

    private String logSinceLaunch() {
        try (SeekableByteChannel channel = Files.newByteChannel(logFile)) {
            long size = channel.size();
            if (size <= logOffset) {
                return "";
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(size - logOffset, 4 * 1024 * 1024));
            channel.position(Math.max(logOffset, size - buffer.capacity()));
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                // read the snapshot of the file to its end
            }
            return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read " + logFile + ": " + e.getMessage() + ")";
        }
    }

    private void forget(Process stopped) {
        try {
            stopped.getOutputStream().close();
        } catch (IOException ignored) {
            // the pipe is gone with the process
        }
        if (process == stopped) {
            process = null;
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Ends a JVM of an earlier launcher on the same data that outlived it (its pid file names it and its command line
     * carries the data folder's marker). Such a JVM ends by itself once it notices the launcher is gone (OrphanGuard);
     * this only spares the wait and the port.
     */
    static void stopLeftover(Path pidFile, String marker) {
        Optional<ProcessHandle> leftover;
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            leftover = ProcessHandle.of(pid)
                    .filter(handle -> handle.info()
                            .arguments()
                            .map(args -> Arrays.asList(args).contains(marker))
                            .orElse(false));
        } catch (IOException | NumberFormatException e) {
            return;
        }
        leftover.ifPresent(handle -> {
            handle.destroyForcibly();
            handle.onExit()
                    .orTimeout(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .join();
        });
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean waitForExit(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchFailure("Interrupted while waiting for an application to start");
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 600 ? text : text.substring(0, 600) + "…";
    }

    /** The command line and environment of a launch on these ports. */
    @FunctionalInterface
    interface Command {
        ProcessBuilder build(int port, int managementPort);

        /** The JVM ended by itself after SIGTERM, within the stop timeout: whatever it wrote at exit is complete. */
        default void exitedByItself() {}

        /** How long the JVM of the current launch may take to stop gracefully before it is killed. */
        default Duration stopTimeout() {
            return STOP_TIMEOUT;
        }
    }

    private static final class PortTaken extends RuntimeException {
        PortTaken(String message) {
            super(message);
        }
    }

    @Override
    public String toString() {
        return "AppProcess[" + name() + ", " + url() + (isRunning() ? ", running]" : ", stopped]");
    }
}
