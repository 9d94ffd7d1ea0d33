package io.kontor.projects.staffing;

import io.kontor.platform.persistence.Found;
import io.kontor.platform.security.Roles;
import io.kontor.platform.web.Page;
import io.kontor.projects.directory.StaffMember;
import io.kontor.projects.project.Project;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/{projectId}/staffing-requests")
@RolesAllowed({Roles.PROJECT_OFFICE, Roles.MIDDLE_OFFICE, Roles.ADMIN})
public class StaffingRequestResource {

    public record NewStaffingRequest(
            @NotBlank @Size(max = 200) String role,
            @Size(max = 50) List<@NotBlank @Size(max = 100) String> skills,
            @NotNull LocalDate startDate) {}

    /** {@code filledBy} is the hire's name from the staff directory, once hr has onboarded them. */
    public record StaffingRequestView(
            UUID id,
            UUID projectId,
            String role,
            List<String> skills,
            LocalDate startDate,
            String status,
            UUID employeeId,
            String filledBy) {

        static StaffingRequestView of(StaffingRequest request) {
            StaffMember hire = request.employeeId == null ? null : StaffMember.findById(request.employeeId);
            return new StaffingRequestView(
                    request.id,
                    request.projectId,
                    request.role,
                    request.skills,
                    request.startDate,
                    request.status.name(),
                    request.employeeId,
                    hire == null ? null : hire.fullName());
        }
    }

    @Inject
    StaffingRequests requests;

    @POST
    @Transactional
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = StaffingRequestView.class)))
    public Response requestStaff(@PathParam("projectId") UUID projectId, @NotNull @Valid NewStaffingRequest body) {
        StaffingRequest request = requests.request(
                projectId, body.role(), body.skills() == null ? List.of() : body.skills(), body.startDate());
        return Response.created(URI.create("/api/v1/projects/" + projectId + "/staffing-requests/" + request.id))
                .entity(StaffingRequestView.of(request))
                .build();
    }

    @GET
    @Transactional
    public Page<StaffingRequestView> listStaffingRequests(@PathParam("projectId") UUID projectId) {
        Found.byId(Project.class, projectId, "project");
        List<StaffingRequestView> items = StaffingRequest.ofProject(projectId).stream()
                .map(StaffingRequestView::of)
                .toList();
        return new Page<>(items, 0, items.size(), items.size());
    }
}
