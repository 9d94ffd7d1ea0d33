package io.kontor.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * A Flight Recorder profile of running application JVMs, started and stopped with {@code jcmd} (the JDK's own tool;
 * nothing to add to the launcher), and what its execution samples say: where the CPU went, by the method on top of the
 * stack (self) and by the methods of Kontor's own code anywhere on it (inclusive).
 */
final class JfrProfile {

    private static final String RECORDING = "kontor-bench";

    /** What one JVM's samples say. */
    record Summary(String process, Path file, long samples, Map<String, Long> self, Map<String, Long> inclusive) {

        double share(long count) {
            return samples == 0 ? 0 : 100.0 * count / samples;
        }
    }

    private final Map<String, Long> pids;
    private final Path dir;

    private JfrProfile(Map<String, Long> pids, Path dir) {
        this.pids = pids;
        this.dir = dir;
    }

    /** Starts a recording with the JDK's {@code profile} settings (Java samples every 10 ms) in each JVM. */
    static JfrProfile start(Map<String, Long> pids, Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create " + dir, e);
        }
        pids.forEach((name, pid) -> Jcmd.run(pid, "JFR.start", "name=" + RECORDING, "settings=profile"));
        return new JfrProfile(pids, dir);
    }

    /** Stops the recordings, writes them to {@code <dir>/<process>.jfr} and summarises their samples. */
    List<Summary> stop() {
        return pids.entrySet().stream()
                .map(process -> {
                    Path file = dir.resolve(process.getKey() + ".jfr");
                    Jcmd.run(process.getValue(), "JFR.stop", "name=" + RECORDING, "filename=" + file);
                    return summarise(process.getKey(), file);
                })
                .toList();
    }

    static Summary summarise(String process, Path file) {
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> inclusive = new HashMap<>();
        long samples = 0;
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                    continue;
                }
                List<RecordedFrame> frames = event.getStackTrace().getFrames();
                if (frames.isEmpty()) {
                    continue;
                }
                samples++;
                self.merge(name(frames.get(0).getMethod()), 1L, Long::sum);
                Set<String> counted = new HashSet<>();
                for (RecordedFrame frame : frames) {
                    String method = name(frame.getMethod());
                    if (method.startsWith("io.kontor.") && counted.add(method)) {
                        inclusive.merge(method, 1L, Long::sum);
                    }
                }
            }
        } catch (IOException e) {
            return new Summary(process, file, 0, Map.of(), Map.of());
        }
        return new Summary(process, file, samples, top(self, 15), top(inclusive, 25));
    }

    private static String name(RecordedMethod method) {
        return method.getType().getName() + "." + method.getName();
    }

    private static Map<String, Long> top(Map<String, Long> counts, int limit) {
        Map<String, Long> top = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(limit)
                .forEach(entry -> top.put(entry.getKey(), entry.getValue()));
        return top;
    }
}
