package io.kontor.projects.milestone;

import io.kontor.platform.persistence.Found;
import io.kontor.platform.persistence.Paging;
import io.kontor.platform.security.Roles;
import io.kontor.platform.web.Page;
import io.kontor.projects.project.Project;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
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
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/{projectId}/milestones")
@RolesAllowed({Roles.PROJECT_OFFICE, Roles.MIDDLE_OFFICE, Roles.ADMIN})
public class MilestoneResource {

    public record NewMilestone(
            @NotBlank @Size(max = 300) String name,
            @NotNull LocalDate dueDate,

            @DecimalMin(value = "0.00", inclusive = false) @Digits(integer = 13, fraction = 2)
            BigDecimal amount) {}

    public record MilestoneView(
            UUID id,
            UUID projectId,
            String name,
            LocalDate dueDate,
            BigDecimal amount,
            String currency,
            String status,
            LocalDate completedOn,
            List<DeliveredRequirement> requirements) {

        static MilestoneView of(Milestone milestone, String currency) {
            return new MilestoneView(
                    milestone.id,
                    milestone.projectId,
                    milestone.name,
                    milestone.dueDate,
                    milestone.amount,
                    milestone.amount == null ? null : currency,
                    milestone.status.name(),
                    milestone.completedOn,
                    MilestoneRequirement.of(milestone.id).stream()
                            .map(r -> new DeliveredRequirement(r.key.requirementId, r.number, r.title, r.version))
                            .toList());
        }
    }

    /** A requirement the milestone delivers, from product development's events. */
    public record DeliveredRequirement(UUID requirementId, String number, String title, int version) {}

    @Inject
    Milestones milestones;

    @POST
    @Transactional
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = MilestoneView.class)))
    public Response planMilestone(@PathParam("projectId") UUID projectId, @NotNull @Valid NewMilestone request) {
        Milestone milestone = milestones.plan(projectId, request.name(), request.dueDate(), request.amount());
        return Response.created(URI.create("/api/v1/projects/" + projectId + "/milestones/" + milestone.id))
                .entity(MilestoneView.of(milestone, Found.byId(Project.class, projectId, "project").currency))
                .build();
    }

    @POST
    @Path("/{milestoneId}/complete")
    @Transactional
    public MilestoneView completeMilestone(
            @PathParam("projectId") UUID projectId, @PathParam("milestoneId") UUID milestoneId) {
        return MilestoneView.of(
                milestones.complete(projectId, milestoneId), Found.byId(Project.class, projectId, "project").currency);
    }

    @GET
    @Transactional
    public Page<MilestoneView> listMilestones(
            @PathParam("projectId") UUID projectId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue(Paging.DEFAULT_SIZE) @Min(1) @Max(Paging.MAX_SIZE) int size) {
        String currency = Found.byId(Project.class, projectId, "project").currency;
        List<MilestoneView> items = Milestone.ofProject(projectId).stream()
                .map(m -> MilestoneView.of(m, currency))
                .toList();
        return Paging.page(items, page, size);
    }
}
