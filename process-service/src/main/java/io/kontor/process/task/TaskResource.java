package io.kontor.process.task;

import io.kontor.platform.events.process.ApprovalDecided;
import io.kontor.platform.persistence.Found;
import io.kontor.platform.persistence.Paging;
import io.kontor.platform.security.CallerId;
import io.kontor.platform.security.Roles;
import io.kontor.platform.web.Page;
import io.kontor.platform.web.QueryParameters;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One inbox per caller: the tasks of the caller's roles (escalated ones also for the process owner), across services.
 */
@Path("/tasks")
@RolesAllowed({
    Roles.ACCOUNTING,
    Roles.HR,
    Roles.SALES,
    Roles.PROJECT_OFFICE,
    Roles.PRODUCT_DEVELOPMENT,
    Roles.LEGAL,
    Roles.PROCESS_OWNER,
    Roles.ADMIN
})
public class TaskResource {

    @Inject
    Tasks tasks;

    @Inject
    SecurityIdentity identity;

    public record TaskView(
            UUID id,
            String kind,
            String act,
            UUID approvalId,
            String subjectId,
            String title,
            String assigneeRole,
            String requestedBy,
            String link,
            String status,
            Instant createdAt,
            Instant dueAt,
            Instant escalatedAt,
            String decidedBy,
            Instant decidedAt,
            String comment) {

        static TaskView of(Task t) {
            return new TaskView(
                    t.id,
                    t.kind,
                    t.act,
                    t.approvalId,
                    t.subjectId,
                    t.title,
                    t.assigneeRole,
                    t.requestedBy,
                    t.link,
                    t.status,
                    t.createdAt,
                    t.dueAt,
                    t.escalatedAt,
                    t.decidedBy,
                    t.decidedAt,
                    t.comment);
        }
    }

    public record Decision(@Size(max = 1000) String comment) {}

    @GET
    @Transactional
    public Page<TaskView> listTasks(
            @QueryParam("status") @DefaultValue("OPEN") String status,
            @QueryParam("subjectId") String subjectId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue(Paging.DEFAULT_SIZE) @Min(1) @Max(Paging.MAX_SIZE) int size) {
        String wanted = status == null ? Task.OPEN : status.strip().toUpperCase(java.util.Locale.ROOT);
        if (!List.of(Task.OPEN, Task.APPROVED, Task.REJECTED, Task.DONE).contains(wanted)) {
            throw new io.kontor.platform.problem.InvalidFieldProblem("status", "one of OPEN, APPROVED, REJECTED, DONE");
        }
        List<String> roles = roles();
        // Every act and human step is about a record with a UUID (an invoice, offer, bank entry, contract, request).
        UUID subject = QueryParameters.uuid("subjectId", subjectId);
        List<Task> found = subject == null
                ? Task.list("status = ?1 order by dueAt, id", wanted)
                : Task.list("status = ?1 and subjectId = ?2 order by dueAt, id", wanted, subject.toString());
        List<TaskView> visible = found.stream()
                .filter(t -> Tasks.visibleTo(t, roles))
                .map(TaskView::of)
                .toList();
        return Paging.page(visible, page, size);
    }

    @GET
    @Path("/{id}")
    @Transactional
    public TaskView getTask(@PathParam("id") UUID id) {
        Task task = Found.byId(Task.class, id, "task", found -> Tasks.visibleTo(found, roles()));
        return TaskView.of(task);
    }

    @POST
    @Path("/{id}/approve")
    public TaskView approveTask(@PathParam("id") UUID id, @Valid Decision decision) {
        return TaskView.of(
                tasks.decide(id, ApprovalDecided.APPROVED, CallerId.of(identity), roles(), comment(decision)));
    }

    @POST
    @Path("/{id}/reject")
    public TaskView rejectTask(@PathParam("id") UUID id, @Valid Decision decision) {
        return TaskView.of(
                tasks.decide(id, ApprovalDecided.REJECTED, CallerId.of(identity), roles(), comment(decision)));
    }

    private List<String> roles() {
        return List.copyOf(identity.getRoles());
    }

    private static String comment(Decision decision) {
        return decision == null
                        || decision.comment() == null
                        || decision.comment().isBlank()
                ? null
                : decision.comment().strip();
    }
}
