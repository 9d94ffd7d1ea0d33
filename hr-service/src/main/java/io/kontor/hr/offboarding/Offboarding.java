package io.kontor.hr.offboarding;

import io.kontor.hr.HrConfig;
import io.kontor.hr.employee.Employee;
import io.kontor.platform.persistence.Found;
import io.kontor.platform.problem.ConflictProblem;
import io.kontor.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** The offboarding checklist: written when the leaving is recorded, ticked off step by step. */
@ApplicationScoped
public class Offboarding {

    @Inject
    BusinessCalendar calendar;

    /** One step as HR sees it; OVERDUE once its day has passed undone. */
    public record TaskView(OffboardingStep step, String title, LocalDate dueBy, LocalDate doneOn, String status) {

        static TaskView of(OffboardingTask task, LocalDate today) {
            String status = task.doneOn != null ? "DONE" : task.dueBy.isBefore(today) ? "OVERDUE" : "OPEN";
            return new TaskView(task.step, task.step.title(), task.dueBy, task.doneOn, status);
        }
    }

    @Inject
    Clock clock;

    @Inject
    HrConfig config;

    /** Writes every step of {@link OffboardingStep} for the employment ending on the employee's leaving date. */
    @Transactional
    public void open(Employee employee, LocalDate recordedOn) {
        Arrays.stream(OffboardingStep.values()).forEach(step -> {
            OffboardingTask task = new OffboardingTask();
            task.id = UUID.randomUUID();
            task.employeeId = employee.id;
            task.step = step;
            task.dueBy = step.dueBy(employee.leavingDate, recordedOn);
            task.persist();
        });
    }

    @Transactional
    public List<TaskView> checklist(UUID employeeId) {
        Found.byId(Employee.class, employeeId, "employee");
        LocalDate today = today();
        return OffboardingTask.of(employeeId).stream()
                .sorted(Comparator.comparing((OffboardingTask t) -> t.dueBy).thenComparing(t -> t.step))
                .map(task -> TaskView.of(task, today))
                .toList();
    }

    /** Ticks a step off today; a step done before is a 409, one the employee has no checklist for a 404. */
    @Transactional
    public TaskView done(UUID employeeId, OffboardingStep step) {
        Found.byId(Employee.class, employeeId, "employee");
        OffboardingTask task =
                Found.or404(task(employeeId, step), "offboarding step " + step + " of employee", employeeId);
        if (task.doneOn != null) {
            throw new ConflictProblem("offboarding step " + step + " was done on " + task.doneOn);
        }
        task.doneOn = today();
        return TaskView.of(task, today());
    }

    /**
     * Ticks a step off when Kontor itself did it (a final reference issued); nothing when there is no such open step.
     */
    @Transactional
    public void doneIfOpen(UUID employeeId, OffboardingStep step) {
        OffboardingTask task = task(employeeId, step);
        if (task != null && task.doneOn == null) {
            task.doneOn = today();
        }
    }

    private static OffboardingTask task(UUID employeeId, OffboardingStep step) {
        return OffboardingTask.find("employeeId = ?1 and step = ?2", employeeId, step)
                .firstResult();
    }

    private LocalDate today() {
        return calendar.today();
    }
}
