package io.kontor.legal.cases;

import io.kontor.platform.persistence.Found;
import io.kontor.platform.persistence.Paging;
import io.kontor.platform.security.CallerId;
import io.kontor.platform.security.Roles;
import io.kontor.platform.time.BusinessCalendar;
import io.kontor.platform.web.Page;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A matter's deadlines (Fristen): added, done, and all open ones as a list and as a calendar feed. */
@Path("/cases")
@RolesAllowed({Roles.LEGAL, Roles.ADMIN})
public class CaseDeadlineResource {

    public record DeadlineRequest(
            @NotBlank @Size(max = 300) String title,
            @NotNull LocalDate dueOn,
            @Size(max = 300) String basis) {}

    @Inject
    Cases cases;

    @Inject
    BusinessCalendar calendar;

    @Inject
    SecurityIdentity caller;

    @POST
    @Path("/{id}/deadlines")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public CaseView addDeadline(@PathParam("id") UUID id, @NotNull @Valid DeadlineRequest request) {
        cases.addDeadline(id, new Cases.Deadline(request.title(), request.dueOn(), request.basis()));
        return CaseView.of(Found.byId(LegalCase.class, id, "case"), calendar.today());
    }

    @POST
    @Path("/{id}/deadlines/{deadlineId}/done")
    @Transactional
    public CaseView completeDeadline(@PathParam("id") UUID id, @PathParam("deadlineId") UUID deadlineId) {
        cases.completeDeadline(id, deadlineId, CallerId.of(caller));
        return CaseView.of(Found.byId(LegalCase.class, id, "case"), calendar.today());
    }

    /** The open deadlines of all open matters, the next first. */
    @GET
    @Path("/deadlines")
    @Transactional
    public Page<DeadlineView> listDeadlines(
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue(Paging.DEFAULT_SIZE) @Min(1) @Max(Paging.MAX_SIZE) int size) {
        LocalDate today = calendar.today();
        return Paging.page(
                CaseDeadline.<CaseDeadline>find(
                        "doneOn is null", Sort.by("dueOn").and("createdAt")),
                page,
                size,
                d -> DeadlineView.of(d, LegalCase.findById(d.caseId), today));
    }

    /** The same as an RFC 5545 calendar, for the legal team's calendar to subscribe to (with a token). */
    @GET
    @Path("/deadlines.ics")
    @Produces(DeadlineCalendar.MEDIA_TYPE)
    @Transactional
    public Response deadlineCalendar() {
        List<DeadlineCalendar.Entry> entries =
                CaseDeadline.<CaseDeadline>list(
                                "doneOn is null", Sort.by("dueOn").and("createdAt"))
                        .stream()
                        .map(d -> new DeadlineCalendar.Entry(d, LegalCase.findById(d.caseId)))
                        .toList();
        return Response.ok(
                        DeadlineCalendar.toIcs(entries, calendar.now()),
                        DeadlineCalendar.MEDIA_TYPE + "; charset=utf-8")
                .header("Content-Disposition", "inline; filename=\"fristen.ics\"")
                .build();
    }
}
