package io.kontor.bench;

import io.kontor.local.AppProcess;
import io.kontor.local.LocalPlatform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * CPU time each process of the platform spent between two snapshots, from {@code /proc/<pid>/stat} (Linux): user plus
 * system time of the process and its descendants, plus what its reaped children spent ({@code cutime}, {@code cstime}),
 * so that PostgreSQL's backends count, also those that ended in between. Next to it the whole machine's busy time from
 * {@code /proc/stat}, which includes everything else running on the shared cores.
 */
final class ProcessCpu {

    /** The harness' own JVM: the load generator, the invoice poller and the launcher's in-process mail server. */
    static final String HARNESS = "harness JVM (load generator, poller, mail server)";

    private static final long TICKS_PER_SECOND = clockTicks();

    /** CPU time per process name in milliseconds, and the machine's busy and total time in milliseconds of CPU. */
    record Snapshot(long nanos, Map<String, Long> cpuMillis, long machineBusyMillis, long machineTotalMillis) {

        /** What each process spent from {@code earlier} to this one; a process missing in either is left out. */
        Usage since(Snapshot earlier) {
            Map<String, Long> spent = new LinkedHashMap<>();
            cpuMillis.forEach((name, millis) -> {
                Long before = earlier.cpuMillis.get(name);
                if (before != null) {
                    spent.put(name, millis - before);
                }
            });
            return new Usage(
                    (nanos - earlier.nanos) / 1_000_000,
                    spent,
                    machineBusyMillis - earlier.machineBusyMillis,
                    machineTotalMillis - earlier.machineTotalMillis);
        }
    }

    /** CPU spent over {@code wallMillis}. */
    record Usage(long wallMillis, Map<String, Long> cpuMillis, long machineBusyMillis, long machineTotalMillis) {

        long platformMillis() {
            return cpuMillis.entrySet().stream()
                    .filter(e -> !e.getKey().equals(HARNESS))
                    .mapToLong(Map.Entry::getValue)
                    .sum();
        }

        long allMillis() {
            return cpuMillis.values().stream().mapToLong(Long::longValue).sum();
        }

        /** Cores × wall time: what the machine could have given. */
        long capacityMillis() {
            return wallMillis * Runtime.getRuntime().availableProcessors();
        }
    }

    private final Map<String, Long> pids;

    private ProcessCpu(Map<String, Long> pids) {
        this.pids = pids;
    }

    /**
     * The platform's JVMs, PostgreSQL's postmaster (with its backends), the Kafka broker and the harness itself, as the
     * launcher started them (their pid files in its data folder).
     */
    static ProcessCpu of(LocalPlatform platform) {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (AppProcess process : platform.processes()) {
            process.pid().ifPresent(pid -> pids.put(process.name(), pid));
        }
        firstNumber(platform.dataDir().resolve("postgres").resolve("postmaster.pid"))
                .ifPresent(pid -> pids.put("postgresql", pid));
        Optional.ofNullable(platform.kafka())
                .flatMap(kafka -> firstNumber(kafka.dataDir().resolve("broker.pid")).stream()
                        .boxed()
                        .findFirst())
                .ifPresent(pid -> pids.put("kafka", pid));
        pids.put(HARNESS, ProcessHandle.current().pid());
        return new ProcessCpu(pids);
    }

    Map<String, Long> pids() {
        return pids;
    }

    Snapshot snapshot() {
        Map<String, Long> cpu = new LinkedHashMap<>();
        pids.forEach((name, pid) -> (name.equals(HARNESS) ? ownTicks(pid) : treeTicks(pid))
                .ifPresent(ticks -> cpu.put(name, ticks * 1000 / TICKS_PER_SECOND)));
        long[] machine = machineTicks();
        return new Snapshot(
                System.nanoTime(), cpu, machine[0] * 1000 / TICKS_PER_SECOND, machine[1] * 1000 / TICKS_PER_SECOND);
    }

    // The process, its live descendants, and the children each of them reaped.
    private static OptionalLong treeTicks(long pid) {
        Optional<ProcessHandle> root = ProcessHandle.of(pid);
        if (root.isEmpty()) {
            return OptionalLong.empty();
        }
        OptionalLong own = ticks(pid);
        if (own.isEmpty()) {
            return OptionalLong.empty();
        }
        long total = own.getAsLong();
        List<ProcessHandle> descendants;
        try (Stream<ProcessHandle> all = root.get().descendants()) {
            descendants = new ArrayList<>(all.toList());
        }
        for (ProcessHandle descendant : descendants) {
            total += ticks(descendant.pid()).orElse(0);
        }
        return OptionalLong.of(total);
    }

    /**
     * The harness' own threads only (utime + stime): the launcher started every application, PostgreSQL and Kafka as
     * its descendants, so its tree would count the whole platform a second time.
     */
    private static OptionalLong ownTicks(long pid) {
        return stat(pid)
                .map(fields -> Long.parseLong(fields[11]) + Long.parseLong(fields[12]))
                .map(OptionalLong::of)
                .orElse(OptionalLong.empty());
    }

    private static Optional<String[]> stat(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) is in parentheses and may contain spaces; fields count on after its last ')'.
            return Optional.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** utime + stime + cutime + cstime of {@code /proc/<pid>/stat}, in clock ticks. */
    static OptionalLong ticks(long pid) {
        String stat;
        try {
            stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        } catch (IOException e) {
            return OptionalLong.empty();
        }
        // The command name (field 2) is in parentheses and may contain spaces; fields count on after its last ')'.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields[0] is field 3 (state): utime is field 14, stime 15, cutime 16, cstime 17.
        return OptionalLong.of(Long.parseLong(fields[11])
                + Long.parseLong(fields[12])
                + Long.parseLong(fields[13])
                + Long.parseLong(fields[14]));
    }

    /** Busy and total ticks of all CPUs ({@code cpu} line of /proc/stat; idle and iowait are not busy). */
    private static long[] machineTicks() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/stat"))) {
            String[] cpu = lines.filter(line -> line.startsWith("cpu "))
                    .findFirst()
                    .orElseThrow()
                    .trim()
                    .split("\\s+");
            long total = 0;
            long idle = 0;
            // user nice system idle iowait irq softirq steal (guest time is already in user).
            for (int i = 1; i <= Math.min(8, cpu.length - 1); i++) {
                long value = Long.parseLong(cpu[i]);
                total += value;
                if (i == 4 || i == 5) {
                    idle += value;
                }
            }
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    private static OptionalLong firstNumber(Path pidFile) {
        try (Stream<String> lines = Files.lines(pidFile)) {
            return lines.findFirst()
                    .map(line -> line.trim().split("\\s+")[0])
                    .map(number -> OptionalLong.of(Long.parseLong(number)))
                    .orElse(OptionalLong.empty());
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static long clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(getconf.getInputStream().readAllBytes()).trim();
            getconf.waitFor();
            return Long.parseLong(out);
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }

    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
