package io.kontor.bench;

import io.kontor.local.AppProcess;
import io.kontor.local.LocalPlatform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
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

    /**
     * CPU time per process name in milliseconds, per thread kind of each JVM (see {@link #threadKind}), and the
     * machine's busy and total time in milliseconds of CPU.
     */
    record Snapshot(
            long nanos,
            Map<String, Long> pids,
            Map<String, Long> cpuMillis,
            Map<String, Map<String, Long>> threadMillis,
            long machineBusyMillis,
            long machineTotalMillis) {

        /** What each process spent from {@code earlier} to this one; a process missing in either is left out. */
        Usage since(Snapshot earlier) {
            Map<String, Long> spent = new LinkedHashMap<>();
            cpuMillis.forEach((name, millis) -> {
                if (restarted(name, earlier)) {
                    // Started in between (a restart): all its time is in the window; what the old process spent
                    // after the earlier snapshot is lost.
                    spent.put(name, millis);
                    return;
                }
                Long before = earlier.cpuMillis.get(name);
                if (before != null) {
                    spent.put(name, millis - before);
                }
            });
            Map<String, Map<String, Long>> threads = new LinkedHashMap<>();
            threadMillis.forEach((name, kinds) -> {
                Map<String, Long> before =
                        restarted(name, earlier) ? Map.of() : earlier.threadMillis.getOrDefault(name, Map.of());
                Map<String, Long> kindSpent = new LinkedHashMap<>();
                // A thread that ended in between is missing here; its time shows as the process' rest.
                kinds.forEach((kind, millis) -> kindSpent.put(kind, millis - before.getOrDefault(kind, 0L)));
                threads.put(name, kindSpent);
            });
            return new Usage(
                    (nanos - earlier.nanos) / 1_000_000,
                    spent,
                    threads,
                    machineBusyMillis - earlier.machineBusyMillis,
                    machineTotalMillis - earlier.machineTotalMillis);
        }

        private boolean restarted(String name, Snapshot earlier) {
            Long before = earlier.pids.get(name);
            return before != null && !before.equals(pids.get(name));
        }
    }

    /** CPU spent over {@code wallMillis}. */
    record Usage(
            long wallMillis,
            Map<String, Long> cpuMillis,
            Map<String, Map<String, Long>> threadMillis,
            long machineBusyMillis,
            long machineTotalMillis) {

        /**
         * One JVM's CPU by thread kind, the busiest first ({@code "outbox-relay 5.1 s, mail-sender 3.0 s, …"}): the
         * kinds above {@code limit} summed as "other threads", the time of threads that ended in between as "ended
         * threads".
         */
        String byThread(String process, int limit) {
            Map<String, Long> kinds = threadMillis.getOrDefault(process, Map.of());
            List<Map.Entry<String, Long>> busiest = kinds.entrySet().stream()
                    .filter(kind -> kind.getValue() > 0)
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .toList();
            List<String> parts = new ArrayList<>();
            long other = 0;
            for (int i = 0; i < busiest.size(); i++) {
                if (i < limit) {
                    parts.add(busiest.get(i).getKey() + " "
                            + seconds(busiest.get(i).getValue()));
                } else {
                    other += busiest.get(i).getValue();
                }
            }
            if (other > 0) {
                parts.add("other threads " + seconds(other));
            }
            long ended = cpuMillis.getOrDefault(process, 0L)
                    - kinds.values().stream().mapToLong(Long::longValue).sum();
            // Clock ticks are rounded per thread: only a difference above that rounding is a thread that ended.
            if (ended > 10L * Math.max(1, kinds.size())) {
                parts.add("ended threads " + seconds(ended));
            }
            return String.join(", ", parts);
        }

        /**
         * Where the cores went: CPU seconds per process (the four busiest, the rest summed), the machine's busy time
         * against what its cores could give, and one JVM's CPU by thread kind. A wall time far above that JVM's own CPU
         * is time it waited: for a core, for PostgreSQL, for the broker or for the collector.
         */
        String summary(String jvm) {
            List<Map.Entry<String, Long>> busiest = cpuMillis.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .toList();
            StringBuilder line = new StringBuilder();
            long rest = 0;
            for (int i = 0; i < busiest.size(); i++) {
                if (i < 4) {
                    line.append(busiest.get(i).getKey())
                            .append(' ')
                            .append(seconds(busiest.get(i).getValue()))
                            .append(", ");
                } else {
                    rest += busiest.get(i).getValue();
                }
            }
            return line.append("the others ")
                    .append(seconds(rest))
                    .append("; machine busy ")
                    .append(seconds(machineBusyMillis))
                    .append(" of ")
                    .append(seconds(capacityMillis()))
                    .append("; ")
                    .append(jvm)
                    .append(" by thread: ")
                    .append(byThread(jvm, 6))
                    .toString();
        }

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

    // Looked up at each snapshot: the harness restarts applications between snapshots (sections 3, 5, 6 and 7).
    private final Map<String, Supplier<OptionalLong>> pids;
    // The JVMs whose threads are told apart (the applications and the harness; not PostgreSQL's processes).
    private final Set<String> jvms;

    private ProcessCpu(Map<String, Supplier<OptionalLong>> pids, Set<String> jvms) {
        this.pids = pids;
        this.jvms = jvms;
    }

    /** The same processes and one more JVM, e.g. the bare endpoint the harness started itself. */
    ProcessCpu with(String name, long pid) {
        Map<String, Supplier<OptionalLong>> more = new LinkedHashMap<>(pids);
        more.put(name, () -> OptionalLong.of(pid));
        Set<String> moreJvms = new LinkedHashSet<>(jvms);
        moreJvms.add(name);
        return new ProcessCpu(more, moreJvms);
    }

    /**
     * The platform's JVMs, PostgreSQL's postmaster (with its backends), the Kafka broker and the harness itself, as the
     * launcher started them (their pid files in its data folder).
     */
    static ProcessCpu of(LocalPlatform platform) {
        Map<String, Supplier<OptionalLong>> pids = new LinkedHashMap<>();
        Set<String> jvms = new LinkedHashSet<>();
        for (AppProcess process : platform.processes()) {
            pids.put(process.name(), process::pid);
            jvms.add(process.name());
        }
        Path postmaster = platform.dataDir().resolve("postgres").resolve("postmaster.pid");
        pids.put("postgresql", () -> firstNumber(postmaster));
        Optional.ofNullable(platform.kafka())
                .ifPresent(kafka ->
                        pids.put("kafka", () -> firstNumber(kafka.dataDir().resolve("broker.pid"))));
        long harness = ProcessHandle.current().pid();
        pids.put(HARNESS, () -> OptionalLong.of(harness));
        jvms.add(HARNESS);
        return new ProcessCpu(pids, jvms);
    }

    /** The processes running now, by name. */
    Map<String, Long> pids() {
        Map<String, Long> now = new LinkedHashMap<>();
        pids.forEach((name, pid) -> pid.get().ifPresent(value -> now.put(name, value)));
        return now;
    }

    Snapshot snapshot() {
        Map<String, Long> running = pids();
        Map<String, Long> cpu = new LinkedHashMap<>();
        running.forEach((name, pid) -> (name.equals(HARNESS) ? ownTicks(pid) : treeTicks(pid))
                .ifPresent(ticks -> cpu.put(name, ticks * 1000 / TICKS_PER_SECOND)));
        Map<String, Map<String, Long>> threads = new LinkedHashMap<>();
        running.forEach((name, pid) -> {
            if (jvms.contains(name) && cpu.containsKey(name)) {
                threads.put(name, threadKinds(pid));
            }
        });
        long[] machine = machineTicks();
        return new Snapshot(
                System.nanoTime(),
                running,
                cpu,
                threads,
                machine[0] * 1000 / TICKS_PER_SECOND,
                machine[1] * 1000 / TICKS_PER_SECOND);
    }

    // Milliseconds of CPU per thread kind of one process, from /proc/<pid>/task/<tid>/stat.
    private static Map<String, Long> threadKinds(long pid) {
        Map<String, Long> kinds = new TreeMap<>();
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        try (Stream<Path> threads = Files.list(tasks)) {
            threads.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    String[] fields = stat.substring(close + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    kinds.merge(
                            threadKind(stat.substring(open + 1, close)), ticks * 1000 / TICKS_PER_SECOND, Long::sum);
                } catch (IOException | RuntimeException e) {
                    // The thread ended between listing and reading: its time is in the process' total.
                }
            });
        } catch (IOException e) {
            return kinds;
        }
        return kinds;
    }

    /**
     * What a thread does, from the name the kernel keeps of it (the JVM's thread name cut to 15 characters): the number
     * of a pool's thread dropped, the cut names of the JVM's and the libraries' pools written out.
     */
    static String threadKind(String kernelName) {
        String kind = kernelName.replaceAll("[-#]?\\d+$", "");
        for (Map.Entry<String, String> known : KNOWN_THREADS.entrySet()) {
            if (kind.startsWith(known.getKey())) {
                return known.getValue();
            }
        }
        return kind;
    }

    private static final Map<String, String> KNOWN_THREADS = knownThreads();

    private static Map<String, String> knownThreads() {
        Map<String, String> known = new LinkedHashMap<>();
        known.put("executor-thread", "executor-thread (Quarkus worker pool: blocking requests, @Blocking)");
        known.put("vert.x-eventloo", "vert.x-eventloop (HTTP I/O)");
        known.put("vert.x-worker-t", "vert.x-worker-thread (blocking consumers)");
        known.put("vert.x-internal", "vert.x-internal-blocking");
        known.put("kafka-producer-", "kafka-producer-network-thread");
        known.put("smallrye-kafka-", "smallrye-kafka consumer threads");
        known.put("C2 CompilerThre", "C2 compiler (JIT)");
        known.put("C1 CompilerThre", "C1 compiler (JIT)");
        known.put("VM Thread", "VM Thread (serial GC, safepoints)");
        known.put("GC Thread", "GC threads");
        known.put("HttpClient", "HttpClient (load generator)");
        return known;
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
        // fields[0] is field 3 (state): utime is field 14, stime 15, cutime 16, cstime 17.
        return stat(pid)
                .map(fields -> OptionalLong.of(Long.parseLong(fields[11])
                        + Long.parseLong(fields[12])
                        + Long.parseLong(fields[13])
                        + Long.parseLong(fields[14])))
                .orElse(OptionalLong.empty());
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
