package io.kontor.hr.opening;

import io.kontor.hr.application.Applications;
import io.kontor.platform.idempotency.IdempotentCreate;
import io.kontor.platform.persistence.Found;
import io.kontor.platform.security.Roles;
import io.kontor.platform.web.Page;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/job-openings")
@RolesAllowed({Roles.HR, Roles.ADMIN})
public class JobOpeningResource {

    public record NewJobOpening(
            @NotBlank @Size(max = 200) String title,
            @Size(max = 200) String department,
            @Size(max = 200) String location,
            @Size(max = 20000) String description,
            @Size(max = 50) List<@NotBlank @Size(max = 500) String> requirements) {}

    public record JobOpeningView(
            UUID id,
            String title,
            String department,
            String location,
            String description,
            List<String> requirements,
            String status,
            UUID staffingRequestId,
            UUID projectId) {

        static JobOpeningView of(JobOpening opening) {
            return new JobOpeningView(
                    opening.id,
                    opening.title,
                    opening.department,
                    opening.location,
                    opening.description,
                    opening.requirements,
                    opening.status.name(),
                    opening.staffingRequestId,
                    opening.projectId);
        }
    }

    @Inject
    JobOpenings openings;

    @Inject
    Applications applications;

    @POST
    @IdempotentCreate
    @Transactional
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = JobOpeningView.class)))
    public Response create(@NotNull @Valid NewJobOpening request) {
        JobOpening opening = openings.draft(
                request.title(),
                request.department(),
                request.location(),
                request.description(),
                request.requirements(),
                null,
                null);
        return Response.created(URI.create("/api/v1/hr/job-openings/" + opening.id))
                .entity(JobOpeningView.of(opening))
                .build();
    }

    @GET
    @Transactional
    public Page<JobOpeningView> list(
            @QueryParam("status") JobOpening.Status status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        var query = status == null
                ? JobOpening.findAll(Sort.by("createdAt"))
                : JobOpening.find("status", Sort.by("createdAt"), status);
        var items = query.page(page, size).<JobOpening>list().stream()
                .map(JobOpeningView::of)
                .toList();
        return new Page<>(items, page, size, query.count());
    }

    @GET
    @Path("/{id}")
    @Transactional
    public JobOpeningView get(@PathParam("id") UUID id) {
        return JobOpeningView.of(Found.byId(JobOpening.class, id, "job opening"));
    }

    @POST
    @Path("/{id}/publish")
    @Transactional
    public JobOpeningView publish(@PathParam("id") UUID id) {
        JobOpening opening = Found.byId(JobOpening.class, id, "job opening");
        opening.publish();
        return JobOpeningView.of(opening);
    }

    @POST
    @Path("/{id}/close")
    @Transactional
    public JobOpeningView close(@PathParam("id") UUID id) {
        JobOpening opening = Found.byId(JobOpening.class, id, "job opening");
        opening.close();
        // Closed is closed for the candidates too: each still waiting gets a rejection letter today.
        applications.rejectAllOpen(id);
        return JobOpeningView.of(opening);
    }
}
