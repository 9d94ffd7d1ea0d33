package io.kontor.process.monitor;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.kontor.platform.persistence.Found;
import io.kontor.platform.persistence.Paging;
import io.kontor.platform.problem.InvalidFieldProblem;
import io.kontor.platform.security.Roles;
import io.kontor.platform.web.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The monitored processes: their figures, their cases with steps and cycle times, and the rebuild from the trail. */
@Path("/")
@RolesAllowed({Roles.PROCESS_OWNER, Roles.ADMIN})
public class MonitorResource {

    @Inject
    Monitor monitor;

    @Inject
    ProcessFigures figures;

    @Inject
    OcelExport ocel;

    public record CaseView(
            UUID id,
            String process,
            String rootObject,
            String status,
            Instant startedAt,
            Instant lastStepAt,
            Instant closedAt,
            @JsonFormat(shape = JsonFormat.Shape.STRING) Duration cycleTime,
            List<StepView> steps) {}

    public record StepView(
            String step,
            String eventType,
            String eventId,
            Instant at,
            @JsonFormat(shape = JsonFormat.Shape.STRING) Duration sincePrevious) {}

    public record Rebuilt(long replayedEvents) {}

    @GET
    @Transactional
    public List<CycleTimes.Stats> listProcesses() {
        return ProcessDefinition.ALL.stream().map(figures::of).toList();
    }

    @GET
    @Path("/{process}")
    @Transactional
    public CycleTimes.Stats getProcess(@PathParam("process") String process) {
        return figures.of(definition(process));
    }

    @GET
    @Path("/{process}/cases")
    @Transactional
    public Page<CaseView> listCases(
            @PathParam("process") String process,
            @QueryParam("status") String status,
            @QueryParam("root") String root,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue(Paging.DEFAULT_SIZE) @Min(1) @Max(Paging.MAX_SIZE) int size) {
        definition(process);
        if (status != null && !status.equals(ProcessCase.OPEN) && !status.equals(ProcessCase.CLOSED)) {
            throw new InvalidFieldProblem("status", "must be OPEN or CLOSED");
        }
        StringBuilder where = new StringBuilder("process = :process");
        Map<String, Object> params = new java.util.HashMap<>(Map.of("process", process));
        if (status != null) {
            where.append(" and status = :status");
            params.put("status", status);
        }
        if (root != null && !root.isBlank()) {
            where.append(" and rootObject like :root");
            params.put("root", "%" + root);
        }
        return Paging.page(
                ProcessCase.<ProcessCase>find(where + " order by startedAt desc, id", params),
                page,
                size,
                MonitorResource::view);
    }

    @GET
    @Path("/cases/{id}")
    @Transactional
    public CaseView getCase(@PathParam("id") UUID id) {
        ProcessCase processCase = Found.byId(ProcessCase.class, id, "case");
        return view(processCase);
    }

    /** The event log as OCEL 2.0 JSON, for process-mining tools; {@code ?process=} only that process's steps. */
    @GET
    @Path("/ocel")
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(
            responseCode = "200",
            description = "An OCEL 2.0 JSON log (https://www.ocel-standard.org/)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.OBJECT, additionalProperties = Schema.True.class)))
    public Response exportOcel(@QueryParam("process") String process) {
        ProcessDefinition definition = null;
        if (process != null && !process.isBlank()) {
            definition = ProcessDefinition.named(process);
            if (definition == null) {
                throw new InvalidFieldProblem("process", "no process " + process);
            }
        }
        return Response.ok(ocel.export(definition))
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"" + (definition == null ? "kontor" : process) + ".ocel.json\"")
                .build();
    }

    /** Forgets the monitoring state and replays the audit trail's events; the result equals the state before. */
    @POST
    @Path("/monitoring/rebuild")
    public Rebuilt rebuild() {
        return new Rebuilt(monitor.rebuild());
    }

    static CaseView view(ProcessCase c) {
        List<ProcessEvent> events = ProcessEvent.ofCase(c.id);
        List<StepView> steps = new java.util.ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            ProcessEvent e = events.get(i);
            steps.add(new StepView(
                    e.step,
                    e.eventType,
                    e.eventId,
                    e.occurredAt,
                    i == 0 ? null : Duration.between(events.get(i - 1).occurredAt, e.occurredAt)));
        }
        return new CaseView(
                c.id,
                c.process,
                c.rootObject,
                c.status,
                c.startedAt,
                c.lastEventAt,
                c.closedAt,
                Duration.between(c.startedAt, c.closedAt != null ? c.closedAt : c.lastEventAt),
                steps);
    }

    private static ProcessDefinition definition(String name) {
        ProcessDefinition process = Found.or404(ProcessDefinition.named(name), "process", name);
        return process;
    }
}
