package io.kontor.process.task;

import io.kontor.platform.events.approvals.ApprovalRequested;
import io.kontor.platform.events.process.ApprovalDecided;
import io.kontor.platform.outbox.Outbox;
import io.kontor.platform.persistence.Found;
import io.kontor.platform.problem.ConflictProblem;
import io.kontor.platform.time.BusinessCalendar;
import io.kontor.process.ProcessConfig;
import io.kontor.process.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The task inbox: an approval request becomes a task for the role it names; an approver who is not the requester
 * decides it (four eyes: the same subject is a 409), the decision goes out as {@code approval-decided} and into the
 * audit trail as an administrative act. Overdue tasks are escalated once.
 */
@ApplicationScoped
public class Tasks {

    @Inject
    ProcessConfig config;

    @Inject
    BusinessCalendar calendar;

    @Inject
    Outbox outbox;

    @Inject
    AuditTrail audit;

    @Transactional(Transactional.TxType.MANDATORY)
    public void requested(ApprovalRequested request) {
        if (Task.count("approvalId", request.approvalId()) > 0) {
            return;
        }
        Task task = new Task();
        task.id = UUID.randomUUID();
        task.kind = Task.APPROVAL;
        task.act = request.act();
        task.approvalId = request.approvalId();
        task.subjectId = request.subjectId();
        task.title = clip("Approve: " + request.summary(), 500);
        task.assigneeRole = request.role();
        task.requestedBy = request.requestedBy();
        task.link = request.link();
        task.status = Task.OPEN;
        task.createdAt = request.requestedAt();
        task.dueAt = request.requestedAt().plus(config.taskDue());
        task.persist();
    }

    /**
     * A human step that waits for {@code role}: one open task per act and subject (a repeated announcement changes
     * nothing), due after the act's time ({@code kontor.process.task-due-for.<act>}, else {@code task-due}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void open(String act, String subjectId, String title, String role, String link, Instant at) {
        if (Task.count(
                        "kind = ?1 and act = ?2 and subjectId = ?3 and status = ?4",
                        Task.STEP,
                        act,
                        subjectId,
                        Task.OPEN)
                > 0) {
            return;
        }
        Task task = new Task();
        task.id = UUID.randomUUID();
        task.kind = Task.STEP;
        task.act = act;
        task.subjectId = subjectId;
        task.title = clip(title, 500);
        task.assigneeRole = role;
        task.link = link;
        task.status = Task.OPEN;
        task.createdAt = at;
        task.dueAt = at.plus(config.taskDueFor().getOrDefault(act, config.taskDue()));
        task.persist();
    }

    /** The step was done (the acting service said so): its open task is DONE, with what was done. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void close(String act, String subjectId, String outcome, Instant at) {
        List<Task> open = Task.list(
                "kind = ?1 and act = ?2 and subjectId = ?3 and status = ?4", Task.STEP, act, subjectId, Task.OPEN);
        for (Task task : open) {
            task.status = Task.DONE;
            task.decidedAt = at;
            task.comment = clip(outcome == null ? "done" : outcome, 1000);
        }
    }

    @Transactional
    public Task decide(UUID id, String decision, String caller, List<String> callerRoles, String comment) {
        Task task = Found.byId(Task.class, id, "task", found -> visibleTo(found, callerRoles));
        if (!Task.OPEN.equals(task.status)) {
            throw new ConflictProblem("task " + id + " is already " + task.status);
        }
        if (!Task.APPROVAL.equals(task.kind)) {
            throw new ConflictProblem("task " + id + " is no approval: it is done where its link leads (" + task.link
                    + ") and closes itself then");
        }
        if (caller != null && caller.equals(task.requestedBy)) {
            throw new ConflictProblem(
                    "four eyes: " + caller + " requested this act and cannot also approve or reject it");
        }
        task.status = ApprovalDecided.APPROVED.equals(decision) ? Task.APPROVED : Task.REJECTED;
        task.decidedBy = caller;
        task.decidedAt = calendar.now();
        task.comment = comment;
        outbox.publish(new ApprovalDecided(
                task.approvalId, task.act, task.subjectId, decision, caller, task.decidedAt, comment));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("taskId", task.id.toString());
        details.put("approvalId", task.approvalId.toString());
        details.put("act", task.act);
        details.put("decision", decision);
        details.put("requestedBy", task.requestedBy);
        details.put("comment", comment);
        audit.recordAct("approval-decided", caller, task.subjectId, details);
        return task;
    }

    /** Open tasks past their due time, not yet escalated: escalated now (they show in the process owner's inbox). */
    @Transactional
    public int escalate() {
        Instant now = calendar.now();
        List<Task> overdue = Task.list("status = ?1 and escalatedAt is null and dueAt < ?2", Task.OPEN, now);
        overdue.forEach(task -> task.escalatedAt = now);
        return overdue.size();
    }

    private static String clip(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }

    static boolean visibleTo(Task task, List<String> roles) {
        return roles.contains("admin")
                || roles.contains(task.assigneeRole)
                || (task.escalatedAt != null && roles.contains("process-owner"));
    }
}
