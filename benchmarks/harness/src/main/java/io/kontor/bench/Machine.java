package io.kontor.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalLong;

/** What the numbers ran on, from /proc (Linux). */
final class Machine {

    private Machine() {}

    static String describe() {
        return String.format(
                Locale.ROOT,
                "%d CPUs (nproc) %s, %s memory, %s %s, Java %s (%s)",
                Runtime.getRuntime().availableProcessors(),
                cpuModel(),
                memTotal(),
                System.getProperty("os.name"),
                System.getProperty("os.version"),
                System.getProperty("java.version"),
                System.getProperty("java.vm.name"));
    }

    /** The 1, 5 and 15-minute load averages, as uptime prints them. */
    static String load() {
        String[] parts = read(Path.of("/proc/loadavg")).split("\\s+");
        return parts.length >= 3 ? parts[0] + ", " + parts[1] + ", " + parts[2] : "unknown";
    }

    /** Resident set size of a process in MiB (VmRSS of /proc/<pid>/status). */
    static OptionalLong rssMebibytes(long pid) {
        for (String line : read(Path.of("/proc", Long.toString(pid), "status")).split("\n")) {
            if (line.startsWith("VmRSS:")) {
                long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
                return OptionalLong.of(Math.round(kib / 1024.0));
            }
        }
        return OptionalLong.empty();
    }

    private static String cpuModel() {
        for (String line : read(Path.of("/proc/cpuinfo")).split("\n")) {
            if (line.startsWith("model name")) {
                return "(" + line.substring(line.indexOf(':') + 1).strip() + ")";
            }
        }
        return "";
    }

    private static String memTotal() {
        for (String line : read(Path.of("/proc/meminfo")).split("\n")) {
            if (line.startsWith("MemTotal:")) {
                long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
                return String.format(Locale.ROOT, "%.1f GiB", kib / 1024.0 / 1024.0);
            }
        }
        return "unknown";
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}
