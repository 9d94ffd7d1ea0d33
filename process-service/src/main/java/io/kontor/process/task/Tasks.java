package io.kontor.process.task;

import io.kontor.platform.events.accounting.ApprovalRequested;
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
        task.kind = "APPROVAL";
        task.act = request.act();
        task.approvalId = request.approvalId();
        task.subjectId = request.invoiceId().toString();
        task.title = "Approve the cancellation of invoice " + request.invoiceNumber() + " (" + request.amount() + " "
                + request.currency() + ")" + (request.reason() == null ? "" : ": " + request.reason());
        task.assigneeRole = request.role();
        task.requestedBy = request.requestedBy();
        task.link = "/api/v1/accounting/invoices/" + request.invoiceId();
        task.status = Task.OPEN;
        task.createdAt = request.requestedAt();
        task.dueAt = request.requestedAt().plus(config.taskDue());
        task.persist();
    }

    @Transactional
    public Task decide(UUID id, String decision, String caller, List<String> callerRoles, String comment) {
        Task task = Found.byId(Task.class, id, "task", found -> visibleTo(found, callerRoles));
        if (!Task.OPEN.equals(task.status)) {
            throw new ConflictProblem("task " + id + " is already " + task.status);
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

    static boolean visibleTo(Task task, List<String> roles) {
        return roles.contains("admin")
                || roles.contains(task.assigneeRole)
                || (task.escalatedAt != null && roles.contains("process-owner"));
    }
}
