package io.kontor.process.monitor;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Cycle-time figures of a process, computed from its cases and their steps; plain Java, tested without Quarkus. */
public final class CycleTimes {

    /** Nearest-rank percentiles of a set of durations, and how many there were. */
    public record Percentiles(
            int count,
            @JsonFormat(shape = JsonFormat.Shape.STRING) Duration p50,
            @JsonFormat(shape = JsonFormat.Shape.STRING) Duration p90,
            @JsonFormat(shape = JsonFormat.Shape.STRING) Duration p95,
            @JsonFormat(shape = JsonFormat.Shape.STRING) Duration max) {
        static Percentiles of(List<Duration> durations) {
            if (durations.isEmpty()) {
                return new Percentiles(0, null, null, null, null);
            }
            List<Duration> sorted = new ArrayList<>(durations);
            sorted.sort(Comparator.naturalOrder());
            return new Percentiles(
                    sorted.size(), rank(sorted, 50), rank(sorted, 90), rank(sorted, 95), sorted.get(sorted.size() - 1));
        }

        private static Duration rank(List<Duration> sorted, int percent) {
            int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, index));
        }
    }

    public record Variant(String steps, long cases) {}

    public record Stats(
            String process,
            String title,
            long open,
            long closed,
            Percentiles endToEnd,
            Map<String, Percentiles> perStep,
            List<Variant> variants) {}

    private CycleTimes() {}

    /**
     * {@code endToEnd} over closed cases (first step to the step that closed it); {@code perStep} the wait before each
     * step since the case's previous one; variants as the sequence of step names, most frequent first.
     */
    public static Stats of(
            ProcessDefinition process, List<ProcessCase> cases, Map<java.util.UUID, List<ProcessEvent>> steps) {
        long open = 0;
        long closed = 0;
        List<Duration> endToEnd = new ArrayList<>();
        Map<String, List<Duration>> perStep = new LinkedHashMap<>();
        process.steps().values().forEach(step -> perStep.putIfAbsent(step, new ArrayList<>()));
        Map<String, Long> variants = new TreeMap<>();
        for (ProcessCase processCase : cases) {
            if (ProcessCase.CLOSED.equals(processCase.status)) {
                closed++;
                endToEnd.add(Duration.between(processCase.startedAt, processCase.closedAt));
            } else {
                open++;
            }
            List<ProcessEvent> events = steps.getOrDefault(processCase.id, List.of());
            List<String> names = new ArrayList<>();
            for (int i = 0; i < events.size(); i++) {
                names.add(events.get(i).step);
                if (i > 0) {
                    perStep.get(events.get(i).step)
                            .add(Duration.between(events.get(i - 1).occurredAt, events.get(i).occurredAt));
                }
            }
            variants.merge(String.join(" → ", names), 1L, Long::sum);
        }
        Map<String, Percentiles> stepFigures = new LinkedHashMap<>();
        perStep.forEach((step, durations) -> stepFigures.put(step, Percentiles.of(durations)));
        List<Variant> variantList = variants.entrySet().stream()
                .map(e -> new Variant(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(Variant::cases).reversed().thenComparing(Variant::steps))
                .toList();
        return new Stats(
                process.name(), process.title(), open, closed, Percentiles.of(endToEnd), stepFigures, variantList);
    }
}
