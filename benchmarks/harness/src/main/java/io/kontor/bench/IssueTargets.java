package io.kontor.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Issue #23's table as the run's summary: each target with the figure measured before the work and this run's, side by
 * side. The "before" figures cannot come from this run — the code that produced them is gone (Prowide's reader, the
 * per-event inbox, the launcher's old flags) — so each names where and when it was measured; everything in the "this
 * run" column comes from the sections below it.
 */
final class IssueTargets {

    enum Target {
        IMPORT_10K_WARM(
                "camt.053 import + match, 10k entries, warm",
                "≤ 5 s",
                "47.4 s (issue: 51–120 s)",
                "`AccountingBench` run 5 at `a73c3a3`, 5 Dec 2026, load 20–22"),
        IMPORT_10K_FIRST(
                "camt.053 import + match, 10k entries, first in a fresh JVM",
                "≤ 8 s",
                "103.7 s",
                "`AccountingBench` run 5 at `a73c3a3`, 5 Dec 2026, load 22–25"),
        IMPORT_100K(
                "camt.053 import + match, 100k entries, and heap growth",
                "≤ 50 s, < 64 MB",
                "589.5 s, 3 GB heap",
                "issue #23 and accounting's bench, Nov 2026"),
        DUNNING_100K(
                "dunning run, 100k overdue invoices",
                "≤ 15 s",
                "189.9 s (issue: 50–101 s)",
                "`AccountingBench` run 5 at `a73c3a3`, 5 Dec 2026, load 20–27"),
        INBOX_10K(
                "one consumer draining 10k events (inbox)",
                "≤ 5 s",
                "16.3 s through Kafka (10.4 s in process)",
                "this harness at `ddebf3f` 5 Dec 2026, load 2–12; `InboxBench` run 7"),
        EFFECT_50(
                "offer accepted → invoice readable via gateway, 50 accepts/s for 60 s",
                "p99 ≤ 200 ms, no error",
                "2980 of 3000 not seen within 60 s; at 2/s p99 120 ms",
                "this harness at `ddebf3f` 5 Dec 2026; at 2/s: 27 Nov 2026, quiet"),
        RELAY(
                "relay: events/s per service replica; ratio to a raw producer on the same broker",
                "≥ 5,000/s; ratio reported",
                "not measured (16 KB batches, no compression, all lanes in one replica)",
                "issue #23"),
        GATEWAY(
                "gateway vs direct at the direct service's saturation: throughput ratio; p99 ratio",
                "≥ 0.8; ≤ 1.5",
                "gateway queued near 800/s: p99 177 ms vs 9 ms direct",
                "this harness, 27 Nov 2026, quiet"),
        RSS_SERVICE("RSS per service after the warm-up", "≤ 200 MB", "305–366 MiB", "this harness, 27 Nov 2026"),
        RSS_GATEWAY("RSS of the gateway after the warm-up", "≤ 150 MB", "240 MiB", "this harness, 27 Nov 2026"),
        READY_ALONE("ready: one service alone", "≤ 2.5 s", "4.5 s (sales)", "this harness, 27 Nov 2026, quiet"),
        READY_PLATFORM(
                "ready: whole platform (all services, gateway, Kafka, PostgreSQL)",
                "≤ 30 s",
                "24.6 s with 4 services (50.5 s with 7 on 5 Dec)",
                "this harness, 27 Nov 2026 and 5 Dec 2026");

        final String measure;
        final String target;
        final String before;
        final String beforeSource;

        Target(String measure, String target, String before, String beforeSource) {
            this.measure = measure;
            this.target = target;
            this.before = before;
            this.beforeSource = beforeSource;
        }
    }

    private record Measured(String figure, boolean met, String where) {}

    private final Map<Target, Measured> measured = new EnumMap<>(Target.class);

    /** This run's figure for a target, whether it met it, and the section it comes from. */
    void measured(Target target, String figure, boolean met, String where) {
        measured.put(target, new Measured(figure, met, where));
    }

    void writeTo(Report report) {
        report.heading("Issue #23's targets: before and this run");
        report.paragraph(
                "Every row of the issue's table. \"Before\" is the figure measured before the work, with where "
                        + "and when (the code that produced it is gone, so it cannot be re-run here); \"this run\" is from the "
                        + "section named. A miss is explained in that section by what was measured.");
        List<List<String>> rows = new ArrayList<>();
        for (Target target : Target.values()) {
            Measured now = measured.get(target);
            rows.add(List.of(
                    target.measure,
                    target.target,
                    target.before + " (" + target.beforeSource + ")",
                    now == null ? "not measured in this run" : "**" + now.figure() + "**",
                    now == null ? "–" : now.met() ? "met" : "missed",
                    now == null ? "" : now.where()));
        }
        report.table(List.of("measure", "target", "before", "this run", "", "section"), rows);
    }
}
