package io.kontor.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a JVM's memory goes, by Native Memory Tracking ({@code jcmd <pid> VM.native_memory summary}; the application
 * JVMs run with {@code -XX:NativeMemoryTracking=summary} when the harness starts them, {@code --native-memory}).
 */
final class NativeMemory {

    /** The JVM flag, passed to every application JVM through the launcher's {@code kontor.launcher.jvm-options}. */
    static final String FLAG = "-XX:NativeMemoryTracking=summary";

    /** The categories reported one by one, in this order; the rest is summed as "other". */
    static final List<String> SHOWN =
            List.of("Java Heap", "Class", "Metaspace", "Code", "Thread", "GC", "Symbol", "Shared class space");

    private static final Pattern TOTAL =
            Pattern.compile("^Total: reserved=(\\d+)KB, committed=(\\d+)KB", Pattern.MULTILINE);
    private static final Pattern CATEGORY =
            Pattern.compile("^-\\s+(.+?) \\(reserved=(\\d+)KB, committed=(\\d+)KB", Pattern.MULTILINE);

    /** Committed MiB in all and per category, as NMT counts it. */
    record Summary(double committedMib, Map<String, Double> categoriesMib) {

        double category(String name) {
            return categoriesMib.getOrDefault(name, 0.0);
        }

        /** What is not in {@link #SHOWN}: compiler arenas, Internal, Other (direct buffers), NMT itself, … */
        double otherMib() {
            return categoriesMib.entrySet().stream()
                    .filter(category -> !SHOWN.contains(category.getKey()))
                    .mapToDouble(Map.Entry::getValue)
                    .sum();
        }
    }

    private NativeMemory() {}

    /** Empty when the JVM does not track (started without {@link #FLAG}) or did not answer. */
    static Optional<Summary> of(long pid) {
        String out;
        try {
            out = Jcmd.run(pid, "VM.native_memory", "summary", "scale=KB");
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
        return parse(out);
    }

    static Optional<Summary> parse(String out) {
        Matcher total = TOTAL.matcher(out);
        if (!total.find()) {
            return Optional.empty();
        }
        Map<String, Double> categories = new LinkedHashMap<>();
        Matcher category = CATEGORY.matcher(out);
        while (category.find()) {
            categories.put(category.group(1).strip(), Long.parseLong(category.group(3)) / 1024.0);
        }
        return Optional.of(new Summary(Long.parseLong(total.group(2)) / 1024.0, categories));
    }
}
