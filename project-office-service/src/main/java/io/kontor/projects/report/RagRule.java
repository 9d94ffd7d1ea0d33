package io.kontor.projects.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The traffic light of a status report, by rules a project manager can check by hand:
 *
 * <ul>
 *   <li><b>RED</b> if an escalated risk is still open, or a milestone is overdue by more than {@value #RED_AFTER_DAYS}
 *       days;
 *   <li><b>AMBER</b> otherwise, if any action item or milestone is overdue (still open after its due date);
 *   <li><b>GREEN</b> otherwise.
 * </ul>
 *
 * "Today" is the date of the given clock in its zone (the office's calendar), so a report taken just after midnight in
 * Berlin counts that day even though it is still the day before in UTC.
 */
public final class RagRule {

    public enum Rag {
        GREEN,
        AMBER,
        RED
    }

    /** Days a milestone may be late before the project is RED. */
    public static final int RED_AFTER_DAYS = 14;

    public record RiskFact(String title, int score, boolean open, boolean escalated) {}

    public record MilestoneFact(String name, LocalDate dueDate, boolean completed) {}

    public record ActionItemFact(String description, LocalDate dueDate, boolean done) {}

    /** The colour and, for every rule that fired, why: a report that is not GREEN says what to look at. */
    public record Assessment(Rag rag, List<String> reasons) {}

    private final Clock clock;

    public RagRule(Clock clock) {
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public Assessment assess(List<RiskFact> risks, List<MilestoneFact> milestones, List<ActionItemFact> actionItems) {
        LocalDate today = today();
        List<String> red = new ArrayList<>();
        List<String> amber = new ArrayList<>();
        for (RiskFact risk : risks) {
            if (risk.open() && risk.escalated()) {
                red.add("risk \"" + risk.title() + "\" is escalated (score " + risk.score() + ") and open");
            }
        }
        for (MilestoneFact milestone : milestones) {
            long late = daysOverdue(milestone.dueDate(), milestone.completed(), today);
            if (late > RED_AFTER_DAYS) {
                red.add("milestone \"" + milestone.name() + "\" is " + late + " days overdue");
            } else if (late > 0) {
                amber.add("milestone \"" + milestone.name() + "\" is " + late + " days overdue");
            }
        }
        for (ActionItemFact item : actionItems) {
            long late = daysOverdue(item.dueDate(), item.done(), today);
            if (late > 0) {
                amber.add("action item \"" + item.description() + "\" is " + late + " days overdue");
            }
        }
        if (!red.isEmpty()) {
            List<String> reasons = new ArrayList<>(red);
            reasons.addAll(amber);
            return new Assessment(Rag.RED, List.copyOf(reasons));
        }
        return amber.isEmpty() ? new Assessment(Rag.GREEN, List.of()) : new Assessment(Rag.AMBER, List.copyOf(amber));
    }

    /** Days past the due date of something still open; 0 when done or not yet late (due today is not late). */
    public static long daysOverdue(LocalDate dueDate, boolean done, LocalDate today) {
        if (done || !dueDate.isBefore(today)) {
            return 0;
        }
        return ChronoUnit.DAYS.between(dueDate, today);
    }
}
